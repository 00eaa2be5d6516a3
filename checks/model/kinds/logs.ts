import type { KindSpec } from './spec.js';

export const logsKinds: KindSpec[] = [];
