import type { TfAdapter } from './helpers.js';

/** Terraform resource type -> adapter. */
export const iamAdapters: Record<string, TfAdapter> = {};
