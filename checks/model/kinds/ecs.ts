import type { KindSpec } from './spec.js';

export const ecsKinds: KindSpec[] = [];
