import type { TfAdapter } from './helpers.js';

/** Terraform resource type -> adapter. */
export const ec2Adapters: Record<string, TfAdapter> = {};
