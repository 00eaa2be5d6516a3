import type { TfAdapter } from './helpers.js';

/** Terraform resource type -> adapter. */
export const elasticacheAdapters: Record<string, TfAdapter> = {};
