// The one order of findings, statuses and severities: results documents, every output format, the
// readiness report, run-store diffs and stored runs all list findings this way.
import { SEVERITIES, type Finding, type Severity, type Status } from './types.js';

/** Worst first: the order findings, tables and summaries list statuses in. */
export const STATUS_ORDER: readonly Status[] = ['fail', 'error', 'unknown', 'waived', 'pass'];

/** The keys of a results document's `summary`, in the schema's order: a key order for the document, not a ranking. */
export const SUMMARY_KEYS: readonly Status[] = ['pass', 'fail', 'unknown', 'waived', 'error'];

/** Statuses that still need attention. */
export const OPEN_STATUSES: readonly Status[] = ['fail', 'error', 'unknown'];

export const STATUS_RANK = rankOf(STATUS_ORDER);
/** Most severe first, as SEVERITIES lists them. */
export const SEVERITY_RANK = rankOf(SEVERITIES);

function rankOf<T extends string>(order: readonly T[]): Readonly<Record<T, number>> {
  return Object.fromEntries(order.map((x, i) => [x, i])) as Record<T, number>;
}

/** Whether `severity` is at or above `threshold` (critical is above high): the --fail-on test. */
export function atLeastAsSevere(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] <= SEVERITY_RANK[threshold];
}

/** Open = needs attention: fail, unknown or error. Waived and pass are not open. */
export function isOpen(status: Status | undefined): boolean {
  return status !== undefined && OPEN_STATUSES.includes(status);
}

/** Code-point comparison: the same on every machine and in every locale (localeCompare is not). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The resource a finding is about, as shown to people: Terraform address, else ARN, else kind. */
export function resourceLabel(f: Pick<Finding, 'resource'>): string {
  return f.resource.address ?? f.resource.arn ?? f.resource.kind;
}

/** What the finding order reads: a finding gives it, and so does a row made from one (a diff entry, a report's evidence row). */
export interface FindingOrderKey {
  status: Status;
  severity: Severity;
  policyId: string;
  /** resourceLabel() of the finding. */
  resource: string;
  source: string;
  input?: string;
  id: string;
}

export function findingOrderKey(f: Finding): FindingOrderKey {
  return { status: f.status, severity: f.severity, policyId: f.policyId, resource: resourceLabel(f), source: f.source, input: f.input, id: f.id };
}

/** Status (worst first), severity (most severe first), policy, resource, source, input, finding id. */
export function compareFindingKeys(a: FindingOrderKey, b: FindingOrderKey): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    cmp(a.policyId, b.policyId) ||
    cmp(a.resource, b.resource) ||
    cmp(a.source, b.source) ||
    cmp(a.input ?? '', b.input ?? '') ||
    cmp(a.id, b.id)
  );
}

/** compareFindingKeys of two findings, without making their keys. */
function compareFindings(a: Finding, b: Finding): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    cmp(a.policyId, b.policyId) ||
    cmp(resourceLabel(a), resourceLabel(b)) ||
    cmp(a.source, b.source) ||
    cmp(a.input ?? '', b.input ?? '') ||
    cmp(a.id, b.id)
  );
}

/** The findings in the finding order (a new array; the argument is not changed). */
export function sortFindings<T extends Finding>(findings: readonly T[]): T[] {
  // Renderers sort the results' findings again: those are in order already, and one pass says so.
  let sorted = true;
  for (let i = 1; i < findings.length && sorted; i++) sorted = compareFindings(findings[i - 1]!, findings[i]!) <= 0;
  if (sorted) return findings.slice();
  // Bucketed by the leading keys (status and severity by rank, then policy: a few hundred buckets), so the
  // comparison sort runs only inside a bucket, on the resource and what follows; a policy judges its resources in
  // model order, which is often that order already (one pass says so).
  const ranks: Array<Map<string, T[]> | undefined> = [];
  for (const f of findings) {
    const rank = STATUS_RANK[f.status] * SEVERITIES.length + SEVERITY_RANK[f.severity];
    const byPolicy = (ranks[rank] ??= new Map());
    const bucket = byPolicy.get(f.policyId);
    if (bucket) bucket.push(f);
    else byPolicy.set(f.policyId, [f]);
  }
  const out: T[] = [];
  for (const byPolicy of ranks) {
    if (!byPolicy) continue;
    for (const policyId of [...byPolicy.keys()].sort(cmp)) for (const f of inResourceOrder(byPolicy.get(policyId)!)) out.push(f);
  }
  return out;
}

/** One bucket (same status, severity and policy) in the order of the remaining keys: resource, source, input, id. */
function inResourceOrder<T extends Finding>(bucket: T[]): T[] {
  let sorted = true;
  for (let i = 1; i < bucket.length && sorted; i++) sorted = compareFindings(bucket[i - 1]!, bucket[i]!) <= 0;
  if (sorted) return bucket;
  return bucket
    .map((f) => ({ f, label: resourceLabel(f) }))
    .sort((a, b) => cmp(a.label, b.label) || cmp(a.f.source, b.f.source) || cmp(a.f.input ?? '', b.f.input ?? '') || cmp(a.f.id, b.f.id))
    .map((x) => x.f);
}

/** Counts by status, in the key order of a results document's `summary`. Statuses it does not know are not counted. */
export function countByStatus(findings: Iterable<{ status: string }>): Record<Status, number> {
  const c = zeroCounts(SUMMARY_KEYS);
  for (const f of findings) if (Object.prototype.hasOwnProperty.call(c, f.status)) c[f.status as Status]++;
  return c;
}

/** Zero for every status, worst first (the key order of the readiness report's counts). */
export function zeroCountsWorstFirst(): Record<Status, number> {
  return zeroCounts(STATUS_ORDER);
}

function zeroCounts(keys: readonly Status[]): Record<Status, number> {
  return Object.fromEntries(keys.map((s) => [s, 0])) as Record<Status, number>;
}
