// Results documents and framework for the readiness-report tests, built by hand so each test knows
// what must appear.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Attestation, Finding, Results, Severity, Status } from '../../checks/engine/types.js';
import type { ReportFramework, ReportInput, ReportPolicyMeta } from '../../reports/ferpa/model.js';

export const NOW = new Date('2026-11-22T12:00:00Z');
export const XSS = '<script>alert(1)</script>';

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

/** A small framework: four families, one attestation-only control, one control with an ATT primary. */
export function smallFramework(): ReportFramework {
  return {
    framework: 'ferpa',
    title: 'FERPA readiness (test)',
    version: '2026.11.0',
    families: { ENC: 'Encryption', NET: 'Network isolation', GOV: 'Governance', BAK: 'Backups', PER: 'Personnel' },
    controls: [
      { id: 'FERPA-ENC-01', title: 'Encryption at rest: databases', family: 'ENC', sources: '800-53 SC-28', evidence: ['TF', 'LIVE'], primaryEvidence: ['TF', 'LIVE'], policies: ['p-rds-enc'], requirement: 'Databases are encrypted.', remediation: 'Encrypt them.' },
      { id: 'FERPA-NET-02', title: 'S3 Block Public Access', family: 'NET', sources: 'CIS AWS 2.1.4', evidence: ['TF', 'LIVE'], primaryEvidence: ['TF', 'LIVE'], policies: ['p-s3-bpa'], requirement: 'Buckets are not public.', remediation: 'Block public access.' },
      { id: 'FERPA-NET-03', title: 'Security groups closed', family: 'NET', sources: 'CIS AWS 5.2', evidence: ['TF', 'LIVE'], primaryEvidence: ['TF', 'LIVE'], policies: ['p-sg'], requirement: 'No world ingress.', remediation: 'Close them.' },
      { id: 'FERPA-GOV-03', title: 'Data residency', family: 'GOV', sources: 'NDPA V §1', evidence: ['TF', 'LIVE'], primaryEvidence: ['TF', 'LIVE'], policies: ['p-region'], requirement: 'US regions only.', remediation: 'Move them.' },
      { id: 'FERPA-GOV-02', title: 'Declared security framework', family: 'GOV', sources: 'NDPA Exh. F', evidence: ['ATT'], primaryEvidence: ['ATT'], policies: [], requirement: 'A framework is declared.', remediation: 'Declare one.', attestationHint: 'Attach the SOC 2 report.' },
      { id: 'FERPA-BAK-02', title: 'Backup protection and restore tests', family: 'BAK', sources: '800-53 CP-9(1)', evidence: ['TF', 'LIVE', 'ATT'], primaryEvidence: ['LIVE', 'TF', 'ATT'], policies: ['p-vault'], requirement: 'Backups are protected.', remediation: 'Lock vaults.', attestationHint: 'Attach the restore test.' },
      { id: 'FERPA-PER-01', title: 'Personnel training', family: 'PER', sources: '800-53 AT-2', evidence: ['ATT'], primaryEvidence: ['ATT'], policies: [], requirement: 'Staff are trained.', remediation: 'Train them.', attestationHint: 'Attach training records.' },
    ],
  };
}

export const META: ReportPolicyMeta[] = [
  { id: 'p-rds-enc', title: 'RDS storage is encrypted', severity: 'high', remediation: { terraform: 'storage_encrypted = true' } },
  { id: 'p-s3-bpa', title: 'S3 buckets block public access', severity: 'critical', remediation: { console: 'Turn on Block Public Access.' } },
  { id: 'p-sg', title: 'No world ingress to data ports', severity: 'high' },
  { id: 'p-region', title: 'Resources are in approved regions', severity: 'medium' },
  { id: 'p-vault', title: 'Backup vaults are locked', severity: 'medium' },
];

export function finding(o: { policyId: string; status: Status; address: string; controls?: string[]; severity?: Severity; source?: Finding['source']; evidence?: Record<string, unknown>; message?: string; waiver?: Finding['waiver']; kind?: string; account?: string; region?: string }): Finding {
  const source = o.source ?? 'plan';
  return {
    id: hash(`${o.policyId}|${o.address}|${source}`).slice(0, 16),
    policyId: o.policyId,
    status: o.status,
    severity: o.severity ?? 'high',
    category: 'encryption',
    controls: o.controls ?? [],
    resource: { kind: o.kind ?? 'aws.rds.instance', address: o.address, arn: null, file: 'main.tf', line: 3 },
    message: o.message ?? `${o.address}: ${o.status}`,
    evidence: o.evidence ?? {},
    source,
    ...(o.account !== undefined ? { account: o.account } : {}),
    ...(o.region !== undefined ? { region: o.region } : {}),
    ...(o.waiver ? { waiver: o.waiver } : {}),
  };
}

export function results(findings: Finding[], over: Partial<Results> = {}): Results {
  const summary = { pass: 0, fail: 0, unknown: 0, waived: 0, error: 0 };
  for (const f of findings) summary[f.status]++;
  return {
    schemaVersion: '1',
    tool: { name: 'ferpa-ready', version: '0.1.0', catalogVersion: '2026.11.0' },
    generatedAt: '2026-11-20T10:00:00.000Z',
    inputs: [{ kind: 'plan', path: 'plan.json', sha256: hash('plan'), time: '2026-11-20T09:59:00.000Z' }],
    findings,
    summary,
    profile: { approvedRegions: ['us-east-1', 'us-west-2'], securityLogMinDays: 365, piiLogMaxDays: 90, backupMinDays: 7, dispositionDays: 60, tlsPolicies: ['ELBSecurityPolicy-TLS13-1-2-2021-06'], breachNoticeHours: 72 },
    ...over,
  };
}

export function input(r: Results, path = 'results.json'): ReportInput {
  return { results: r, path, sha256: hash(JSON.stringify(r)) };
}

export const ATT_GOV02: Attestation = { control: 'FERPA-GOV-02', statement: 'We follow NIST CSF 2.0; SOC 2 Type II attached.', attestedBy: 'CISO Dana Smith', date: '2026-06-01', document: 'docs/soc2-2026.pdf', expires: '2027-06-01' };
export const ATT_PER01_EXPIRED: Attestation = { control: 'FERPA-PER-01', statement: 'All staff completed FERPA training.', attestedBy: 'HR Lead', date: '2024-09-01', document: 'hr/training-2024.csv', expires: '2025-09-01' };

/** One results document that gives every control of smallFramework() a different status. */
export function mixedResults(): Results {
  return results([
    finding({ policyId: 'p-rds-enc', status: 'fail', address: 'aws_db_instance.main', controls: ['FERPA-ENC-01'], evidence: { storageEncrypted: false } }),
    finding({ policyId: 'p-rds-enc', status: 'pass', address: 'aws_db_instance.reports', controls: ['FERPA-ENC-01'], evidence: { storageEncrypted: true } }),
    finding({ policyId: 'p-s3-bpa', status: 'pass', address: 'aws_s3_bucket.records', controls: ['FERPA-NET-02'], severity: 'critical', kind: 'aws.s3.bucket', evidence: { 'publicAccessBlock.blockPublicAcls': true } }),
    finding({ policyId: 'p-sg', status: 'unknown', address: 'aws_security_group.app', controls: ['FERPA-NET-03'], kind: 'aws.ec2.securityGroup', evidence: { ingress: '(known after apply)' } }),
    finding({ policyId: 'p-region', status: 'waived', address: 'aws_s3_bucket.eu', controls: ['FERPA-GOV-03'], severity: 'medium', kind: 'aws.s3.bucket', waiver: { policy: 'p-region', resource: 'aws_s3_bucket.eu', reason: 'migration', owner: 'ops', expires: '2027-01-31', expired: false } }),
    finding({ policyId: 'p-region', status: 'pass', address: 'aws_s3_bucket.us', controls: ['FERPA-GOV-03'], severity: 'medium', kind: 'aws.s3.bucket' }),
    finding({ policyId: 'p-vault', status: 'pass', address: 'aws_backup_vault.main', controls: ['FERPA-BAK-02'], severity: 'medium', kind: 'aws.backup.vault' }),
  ]);
}

/**
 * The real framework file, read directly (the same shape loadFramework returns) so these tests do not
 * depend on the whole policy catalog compiling.
 */
export function frameworkFromFile(): ReportFramework {
  const raw = parseYaml(readFileSync(join(__dirname, '../../policies/frameworks/ferpa.yaml'), 'utf8')) as Omit<ReportFramework, 'controls'> & {
    controls: Record<string, Omit<ReportFramework['controls'][number], 'id'>>;
  };
  return { ...raw, controls: Object.entries(raw.controls).map(([id, c]) => ({ id, ...c, policies: c.policies ?? [] })) };
}
