import type { KindSpec } from './spec.js';

export const rdsKinds: KindSpec[] = [];
