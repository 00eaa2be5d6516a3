// The results document the suite writes: the published contract reports/schema/results.schema.json
// (findings of source `app`), built here without the scanner's internals so the API stands alone.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';

export type Status = 'pass' | 'fail' | 'unknown' | 'waived' | 'error';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type Category = 'encryption' | 'network' | 'retention' | 'audit' | 'access' | 'secrets' | 'resilience' | 'governance';

export interface Finding {
  id: string;
  policyId: string;
  status: Status;
  severity: Severity;
  category: Category;
  controls: string[];
  resource: { kind: string; address: string | null; arn: string | null; file: string | null; line: number | null };
  message: string;
  evidence: Record<string, unknown>;
  source: 'app';
}

export interface Results {
  schemaVersion: '1';
  tool: { name: 'ferpa-ready'; version: string };
  generatedAt: string;
  inputs: Array<{ kind: 'app'; path: string; sha256: string; time?: string }>;
  findings: Finding[];
  summary: Record<Status, number>;
}

const STATUS_ORDER: Record<Status, number> = { fail: 0, error: 1, unknown: 2, waived: 3, pass: 4 };
const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/**
 * The stable fingerprint the scanner gives a finding (policy, source, account, region, resource id),
 * so a check of the same operation keeps its id from run to run and `diff` can follow it.
 */
export function appFindingId(policyId: string, address: string): string {
  return createHash('sha256').update([policyId, 'app', '', '', address].join('|')).digest('hex').slice(0, 16);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      a.policyId.localeCompare(b.policyId) ||
      (a.resource.address ?? '').localeCompare(b.resource.address ?? '') ||
      a.id.localeCompare(b.id),
  );
}

export function summarize(findings: Finding[]): Results['summary'] {
  const s = { pass: 0, fail: 0, unknown: 0, waived: 0, error: 0 };
  for (const f of findings) s[f.status]++;
  return s;
}

/** The ferpa-ready package this suite ships in: its root folder (package.json named ferpa-ready). */
export function packageRoot(): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'ferpa-ready') return dir;
    if (dirname(dir) === dir) throw new Error('the conformance suite runs inside the ferpa-ready package (no package.json named ferpa-ready above it)');
  }
}

export function toolVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * FERPA control ids of each app check, from the framework file (policies/frameworks/ferpa.yaml,
 * `appChecks` of each control): the mapping lives in one place, control -> checks.
 */
export function controlsByCheck(root = packageRoot()): Map<string, string[]> {
  const doc = parse(readFileSync(join(root, 'policies', 'frameworks', 'ferpa.yaml'), 'utf8')) as { controls?: Record<string, { appChecks?: string[] }> };
  const byCheck = new Map<string, string[]>();
  for (const [id, c] of Object.entries(doc.controls ?? {})) for (const check of c.appChecks ?? []) byCheck.set(check, [...(byCheck.get(check) ?? []), id]);
  return byCheck;
}
