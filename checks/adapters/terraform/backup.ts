import type { TfAdapter } from './helpers.js';

/** Terraform resource type -> adapter. */
export const backupAdapters: Record<string, TfAdapter> = {};
