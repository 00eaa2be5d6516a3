import type { Policy } from '../engine/policy.js';
import { atLeastAsSevere } from '../engine/order.js';
import type { Results, Severity } from '../engine/types.js';
import { EXIT_FINDINGS, EXIT_OK } from './exit.js';

/** Ids of the policies whose unknown verdict gates the exit status (`gateUnknown: true`, e.g. aws-data-store-evaluated). */
export function unknownGatingPolicies(policies: Policy[]): Set<string> {
  return new Set(policies.filter((p) => p.gateUnknown).map((p) => p.id));
}

/**
 * 1 when an `unknown` finding of a gating policy is at or above the threshold: a data store no policy
 * evaluated is not a pass, so it cannot let a scan exit 0. Other unknowns do not gate.
 */
export function unknownGateExit(results: Results, failOn: Severity | 'none', gating: ReadonlySet<string>): number {
  if (failOn === 'none' || !gating.size) return EXIT_OK;
  return results.findings.some((f) => f.status === 'unknown' && gating.has(f.policyId) && atLeastAsSevere(f.severity, failOn)) ? EXIT_FINDINGS : EXIT_OK;
}
