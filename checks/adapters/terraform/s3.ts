import type { TfAdapter } from './helpers.js';

/** Terraform resource type -> adapter. */
export const s3Adapters: Record<string, TfAdapter> = {};
