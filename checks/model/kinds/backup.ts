import type { KindSpec } from './spec.js';

export const backupKinds: KindSpec[] = [];
