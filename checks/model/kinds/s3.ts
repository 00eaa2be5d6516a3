import type { KindSpec } from './spec.js';

export const s3Kinds: KindSpec[] = [];
