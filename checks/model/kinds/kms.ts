import type { KindSpec } from './spec.js';

export const kmsKinds: KindSpec[] = [];
