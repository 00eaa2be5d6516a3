import type { TfAdapter } from './helpers.js';

/** Terraform resource type -> adapter. */
export const ecsAdapters: Record<string, TfAdapter> = {};
