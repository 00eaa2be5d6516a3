import type { TfAdapter } from './helpers.js';

/** Terraform resource type -> adapter. */
export const accountAdapters: Record<string, TfAdapter> = {};
