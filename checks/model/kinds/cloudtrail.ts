import type { KindSpec } from './spec.js';

export const cloudtrailKinds: KindSpec[] = [];
