import { SEVERITIES, type Finding, type Results } from '../engine/types.js';
import { localeOrder } from '../util/collation.js';

const STATUS_ORDER = { fail: 0, error: 1, unknown: 2, waived: 3, pass: 4 } as const;

/** Deterministic order: status, severity, policy, resource, id. */
export function sortFindings(findings: Finding[]): Finding[] {
  const key = (f: Finding) => f.resource.address ?? f.resource.arn ?? '';
  return [...findings].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      localeOrder(a.policyId, b.policyId) ||
      localeOrder(key(a), key(b)) ||
      localeOrder(a.source, b.source) ||
      localeOrder(a.input ?? '', b.input ?? '') ||
      localeOrder(a.id, b.id),
  );
}

export function summarize(findings: Finding[]): Results['summary'] {
  const s = { pass: 0, fail: 0, unknown: 0, waived: 0, error: 0 };
  for (const f of findings) s[f.status]++;
  return s;
}
