import type { KindSpec } from './spec.js';

export const ec2Kinds: KindSpec[] = [];
