import { SEVERITIES, type Results, type Severity } from '../engine/types.js';
import { InputError } from '../errors.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export function parseSeverity(v: string | undefined, fallback: Severity | 'none'): Severity | 'none' {
  if (v === undefined) return fallback;
  const s = v.toLowerCase();
  if (s === 'none' || (SEVERITIES as string[]).includes(s)) return s as Severity | 'none';
  throw new InputError(`--fail-on: unknown severity "${v}" (one of ${SEVERITIES.join(', ')}, none)`);
}

/** 1 when a failing finding is at or above the threshold, else 0. */
export function exitCodeFor(results: Results, failOn: Severity | 'none'): number {
  if (failOn === 'none') return EXIT_OK;
  const limit = SEVERITIES.indexOf(failOn);
  return results.findings.some((f) => f.status === 'fail' && SEVERITIES.indexOf(f.severity) <= limit) ? EXIT_FINDINGS : EXIT_OK;
}
