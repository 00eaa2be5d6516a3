import type { TfAdapter } from './helpers.js';

/** Terraform resource type -> adapter. */
export const kmsAdapters: Record<string, TfAdapter> = {};
