import { atLeastAsSevere } from '../engine/order.js';
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

export interface ExitOptions {
  /** Accept partial audits: `error` findings (checks that could not be decided) do not make the exit 1. */
  allowErrors?: boolean;
}

/**
 * 1 when a failing finding is at or above the threshold, or (unless `allowErrors`) an `error` finding
 * is: a check that could not be decided is not a pass. Else 0.
 */
export function exitCodeFor(results: Results, failOn: Severity | 'none', opts: ExitOptions = {}): number {
  if (failOn === 'none') return EXIT_OK;
  const gates = (f: Results['findings'][number]) => (f.status === 'fail' || (f.status === 'error' && !opts.allowErrors)) && atLeastAsSevere(f.severity, failOn);
  return results.findings.some(gates) ? EXIT_FINDINGS : EXIT_OK;
}

/** Inputs that could not be read (the other inputs were scanned): exit 2 at the end, after the outputs. */
export function unreadInputs(results: Results): Array<{ path: string; error: string }> {
  return results.inputs.filter((i) => i.error).map((i) => ({ path: i.path, error: i.error! }));
}
