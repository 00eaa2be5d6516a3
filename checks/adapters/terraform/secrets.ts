import type { TfAdapter } from './helpers.js';

/** Terraform resource type -> adapter. */
export const secretsAdapters: Record<string, TfAdapter> = {};
