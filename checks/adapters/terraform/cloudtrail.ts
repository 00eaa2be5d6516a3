import type { TfAdapter } from './helpers.js';

/** Terraform resource type -> adapter. */
export const cloudtrailAdapters: Record<string, TfAdapter> = {};
