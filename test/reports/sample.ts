// Results documents for the report tests, built by hand so each test knows what must appear.
import { createHash } from 'node:crypto';
import type { Finding, Results, Severity, Status } from '../../checks/engine/types.js';
import type { PolicyMeta } from '../../reports/types.js';

export const SECRET = 'hunter2-Sup3rSecret!';
export const AWS_KEY = 'AKIAIOSFODNN7EXAMPLE';

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

export function finding(over: Partial<Finding> & { policyId: string; status: Status; address?: string | null; arn?: string | null }): Finding {
  const { address = null, arn = null, ...rest } = over;
  const severity: Severity = over.severity ?? 'high';
  return {
    id: hash(`${over.policyId}|${address ?? arn}|${over.source ?? 'plan'}`).slice(0, 16),
    severity,
    category: 'encryption',
    controls: ['FERPA-ENC-01'],
    resource: { kind: 'aws.rds.instance', address, arn, file: address ? 'modules/db/main.tf' : null, line: address ? 12 : null },
    message: `${address ?? arn}: ${over.status}`,
    evidence: {},
    source: 'plan',
    ...rest,
  };
}

export const META: PolicyMeta[] = [
  {
    id: 'aws-rds-storage-encrypted',
    title: 'RDS storage is encrypted with a customer-managed KMS key',
    description: 'Student records at rest in RDS are encrypted with a key the institution controls.',
    remediation: { terraform: 'storage_encrypted = true\nkms_key_id        = aws_kms_key.db.arn', cli: 'aws rds modify-db-instance --storage-encrypted' },
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html'],
    severity: 'high',
    category: 'encryption',
  },
  {
    id: 'aws-s3-public-access-blocked',
    title: 'S3 buckets block public access',
    description: 'Buckets holding education records cannot be made public.',
    remediation: { terraform: 'resource "aws_s3_bucket_public_access_block" "b" { block_public_acls = true }' },
    references: [],
    severity: 'critical',
    category: 'access',
  },
  {
    id: 'aws-cloudtrail-multi-region',
    title: 'A multi-region CloudTrail trail records management events',
    description: 'Access to records is auditable in every region.',
    remediation: { console: 'CloudTrail > Trails > Create trail, apply to all regions.' },
    references: ['FERPA 34 CFR 99.32'],
    severity: 'medium',
    category: 'audit',
  },
];

/** One document with every status, several severities, a waiver, an expired waiver and redacted evidence. */
export function sampleResults(): Results {
  const findings: Finding[] = [
    finding({
      policyId: 'aws-rds-storage-encrypted',
      status: 'fail',
      address: 'module.db.aws_db_instance.main[0]',
      message: 'module.db.aws_db_instance.main[0]: not met: RDS storage is encrypted (storageEncrypted = false)',
      evidence: { storageEncrypted: false, masterPassword: '(redacted)', kmsKeyId: null },
    }),
    finding({ policyId: 'aws-rds-storage-encrypted', status: 'pass', address: 'aws_db_instance.reports' }),
    finding({ policyId: 'aws-rds-storage-encrypted', status: 'unknown', address: 'aws_db_instance.replica', evidence: { kmsKeyId: '(known after apply)' } }),
    finding({
      policyId: 'aws-s3-public-access-blocked',
      status: 'fail',
      severity: 'critical',
      category: 'access',
      controls: ['FERPA-ACC-01', 'FERPA-ENC-02'],
      address: 'aws_s3_bucket.records',
      resource: { kind: 'aws.s3.bucket', address: 'aws_s3_bucket.records', arn: null, file: 'storage/s3 buckets.tf', line: 4 },
      evidence: { publicAccessBlock: { blockPublicAcls: false } },
      waiver: { policy: 'aws-s3-public-access-blocked', reason: 'legacy export', owner: 'ops', expires: '2024-01-31', expired: true },
    }),
    finding({
      policyId: 'aws-s3-public-access-blocked',
      status: 'waived',
      severity: 'critical',
      category: 'access',
      controls: ['FERPA-ACC-01'],
      address: 'aws_s3_bucket.website',
      resource: { kind: 'aws.s3.bucket', address: 'aws_s3_bucket.website', arn: null, file: 'storage/main.tf', line: 30 },
      waiver: { policy: 'aws-s3-public-access-blocked', resource: 'aws_s3_bucket.website', reason: 'public course catalogue, no student data', owner: 'web-team', expires: '2099-12-31', expired: false },
    }),
    finding({
      policyId: 'aws-cloudtrail-multi-region',
      status: 'error',
      severity: 'medium',
      category: 'audit',
      controls: ['FERPA-LOG-01'],
      arn: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/main',
      source: 'live',
      account: '123456789012',
      region: 'us-east-1',
      resource: { kind: 'aws.cloudtrail.trail', address: null, arn: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/main', file: null, line: null },
      message: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/main: could not be read: AccessDenied',
    }),
    finding({ policyId: 'aws-cloudtrail-multi-region', status: 'pass', severity: 'medium', category: 'audit', controls: ['FERPA-LOG-01'], address: 'aws_cloudtrail.main' }),
  ];
  const summary = { pass: 0, fail: 0, unknown: 0, waived: 0, error: 0 };
  for (const f of findings) summary[f.status]++;
  return {
    schemaVersion: '1',
    tool: { name: 'ferpa-ready', version: '0.1.0', catalogVersion: '2026.1' },
    generatedAt: '2026-11-22T00:00:00Z',
    inputs: [
      { kind: 'plan', path: 'plan.json', sha256: hash('plan') },
      { kind: 'snapshot', path: 'snapshots/prod.json', sha256: hash('snap'), time: '2026-11-21T23:00:00Z' },
    ],
    findings,
    summary,
    profile: {
      approvedRegions: ['us-east-1'],
      securityLogMinDays: 365,
      piiLogMaxDays: 90,
      backupMinDays: 7,
      dispositionDays: 60,
      tlsPolicies: ['ELBSecurityPolicy-TLS13-1-2-2021-06'],
      breachNoticeHours: 72,
    },
    diagnostics: [{ level: 'warning', message: 'variable "env" has no value; treated as unknown', file: 'variables.tf' }],
    attestations: [{ control: 'FERPA-GOV-01', statement: 'Annual FERPA training done', attestedBy: 'Registrar', date: '2026-09-01', document: 'training-2026.pdf' }],
    waivers: [{ policy: 'aws-s3-public-access-blocked', resource: 'aws_s3_bucket.website', reason: 'public course catalogue, no student data', owner: 'web-team', expires: '2099-12-31', origin: '.ferpa-ready.yaml' }],
  };
}

/** Deterministic shuffle (seeded) so "shuffled input" tests are reproducible. */
export function shuffled<T>(xs: readonly T[], seed = 7): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The same document with its findings in another order (and a reversed copy of inputs left alone). */
export function withShuffledFindings(r: Results, seed?: number): Results {
  return { ...r, findings: shuffled(r.findings, seed) };
}
