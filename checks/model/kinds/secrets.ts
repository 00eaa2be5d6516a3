import type { KindSpec } from './spec.js';

export const secretsKinds: KindSpec[] = [];
