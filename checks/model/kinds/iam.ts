import type { KindSpec } from './spec.js';

export const iamKinds: KindSpec[] = [];
