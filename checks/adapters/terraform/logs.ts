import type { TfAdapter } from './helpers.js';

/** Terraform resource type -> adapter. */
export const logsAdapters: Record<string, TfAdapter> = {};
