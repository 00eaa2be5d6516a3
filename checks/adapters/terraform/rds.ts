import type { TfAdapter } from './helpers.js';

/** Terraform resource type -> adapter. */
export const rdsAdapters: Record<string, TfAdapter> = {};
