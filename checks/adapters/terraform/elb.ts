import type { TfAdapter } from './helpers.js';

/** Terraform resource type -> adapter. */
export const elbAdapters: Record<string, TfAdapter> = {};
