import type { KindSpec } from './spec.js';

export const elbKinds: KindSpec[] = [];
