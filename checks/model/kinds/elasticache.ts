import type { KindSpec } from './spec.js';

export const elasticacheKinds: KindSpec[] = [];
