import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { loadConfig } from '../../checks/engine/config.js';
import type { Finding } from '../../checks/engine/types.js';
import { scanPaths } from '../../checks/pipeline/scan.js';
import { describeWithShared, sharedDir } from '../helpers/shared.js';

/**
 * The trivy-checks good/bad Terraform snippets (`_derived/split/<service>/<check>/{good,bad}_N.tf`),
 * scanned as HCL with the full catalog. Each must scan without error; for the upstream checks that
 * correspond to a policy of ours, our verdict must match the upstream expectation from MANIFEST.jsonl
 * (NEGATIVE = compliant -> our policy passes; POSITIVE = violation -> our policy fails).
 */
const CORPORA = sharedDir('corpora');
const SPLIT = join(CORPORA, 'aquasecurity__trivy-checks', '_derived', 'split');

/** Upstream check (trivy AVD id) -> our policies that judge the same thing. */
const MAPPING: Record<string, { what: string; policies: string[] }> = {
  'AWS-0014': { what: 'CloudTrail enabled in all regions', policies: ['aws-cloudtrail-multi-region'] },
  'AWS-0015': { what: 'CloudTrail encrypted with a customer-managed key', policies: ['aws-cloudtrail-kms-encrypted'] },
  'AWS-0016': { what: 'CloudTrail log file validation', policies: ['aws-cloudtrail-log-file-validation'] },
  'AWS-0017': { what: 'CloudWatch log group encrypted with a CMK', policies: ['aws-log-group-kms-encrypted'] },
  'AWS-0026': { what: 'EBS volume encrypted', policies: ['aws-ebs-volume-encrypted'] },
  'AWS-0045': { what: 'ElastiCache replication group encrypted at rest', policies: ['aws-elasticache-at-rest-encryption'] },
  'AWS-0051': { what: 'ElastiCache replication group encrypted in transit', policies: ['aws-elasticache-transit-encryption'] },
  'AWS-0047': { what: 'load balancer TLS policy is current', policies: ['aws-lb-listener-tls-policy-approved'] },
  'AWS-0052': { what: 'load balancer drops invalid headers', policies: ['aws-lb-drop-invalid-headers'] },
  'AWS-0054': { what: 'load balancer listener does not serve plain HTTP', policies: ['aws-lb-listener-https-only'] },
  'AWS-0065': { what: 'KMS key rotation', policies: ['aws-kms-key-rotation-enabled'] },
  'AWS-0077': { what: 'RDS backup retention above the default', policies: ['aws-rds-backup-retention-floor', 'aws-rds-cluster-backup-retention-floor'] },
  'AWS-0078': { what: 'Performance Insights encrypted with a CMK', policies: ['aws-rds-performance-insights-cmk'] },
  'AWS-0079': { what: 'RDS cluster storage encrypted', policies: ['aws-rds-cluster-storage-encrypted'] },
  'AWS-0080': { what: 'RDS instance storage encrypted', policies: ['aws-rds-instance-storage-encrypted'] },
  'AWS-0088': { what: 'S3 bucket encrypted', policies: ['aws-s3-sse-kms'] },
  'AWS-0089': { what: 'S3 bucket access logging', policies: ['aws-s3-access-logging'] },
  'AWS-0090': { what: 'S3 versioning', policies: ['aws-s3-versioning-enabled'] },
  'AWS-0092': { what: 'S3 bucket not public through ACL', policies: ['aws-s3-no-public-acl'] },
  'AWS-0098': { what: 'Secrets Manager secret encrypted with a CMK', policies: ['aws-secrets-cmk'] },
  'AWS-0104': { what: 'security group without unrestricted egress', policies: ['aws-sg-unrestricted-egress'] },
  'AWS-0107': { what: 'security group without world ingress to SSH/RDP', policies: ['aws-sg-no-world-ssh-rdp'] },
  'AWS-0132': { what: 'S3 encrypted with a customer-managed key', policies: ['aws-s3-sse-kms'] },
  'AWS-0143': { what: 'IAM user without attached policies', policies: ['aws-iam-user-no-attached-policies'] },
  'AWS-0178': { what: 'VPC flow logs', policies: ['aws-vpc-flow-logs-enabled'] },
  'AWS-0180': { what: 'RDS instance not publicly accessible', policies: ['aws-rds-not-publicly-accessible'] },
};

/**
 * Samples where our verdict differs from upstream, keyed by split path, with the reason. (Snippets
 * without a classification tag are judged like student data, so the scoped S3 and log-group policies
 * agree with upstream on them.)
 */
const NOT_APPLICABLE = (why: string): string => `ours does not apply (no finding), upstream counts it compliant: ${why}`;
const KEPT: Record<string, string> = {
  'elb/http_not_used/good_1.tf': NOT_APPLICABLE('the HTTPS-only policy judges HTTP listeners; this one is HTTPS'),
  'kms/auto_rotate_keys/good_2.tf': NOT_APPLICABLE('rotation applies to symmetric ENCRYPT_DECRYPT keys; this key is SIGN_VERIFY'),
  'rds/performance_insights_encryption_customer_key/good_2.tf': NOT_APPLICABLE('Performance Insights is disabled, so its key is not judged'),
  's3/encryption_customer_key/good_2.tf': NOT_APPLICABLE('the bucket is a server access log target (acl log-delivery-write), which cannot use SSE-KMS'),
  's3/encryption_customer_key/good_4.tf': NOT_APPLICABLE('the bucket is a server access log target (LogDelivery grant), which cannot use SSE-KMS'),
  's3/encryption_customer_key/good_5.tf': NOT_APPLICABLE('the bucket is a server access log target (its policy allows logging.s3.amazonaws.com to put objects), which cannot use SSE-KMS'),
  's3/enable_bucket_encryption/good_1.tf': 'ours unknown: kms_master_key_id is the literal "arn", not a key in the input, so whether it is customer-managed cannot be told',
  'rds/performance_insights_encryption_customer_key/good_1.tf':
    'ours unknown: the Performance Insights key is a literal ARN of a key outside the input, so whether it is customer-managed cannot be told',
  'rds/specify_backup_retention/good_1.tf': 'ours stricter: 5 days is below the profile floor backupMinDays (7); trivy only asks for more than the 1-day default',
  'rds/specify_backup_retention/good_2.tf': 'ours stricter: 5 days is below the profile floor backupMinDays (7); trivy only asks for more than the 1-day default',
  'rds/encrypt_cluster_storage_data/bad_2.tf':
    'ours looser on this policy: storage_encrypted = true passes aws-rds-cluster-storage-encrypted; trivy also wants kms_key_id, which our separate CMK policy judges',
};

interface Sample {
  file: string;
  rel: string;
  check: string;
  compliant: boolean;
}

function samples(): Sample[] {
  const out: Sample[] = [];
  for (const line of readFileSync(join(CORPORA, 'MANIFEST.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { dest: string; contains: string; expect: string };
    if (!d.dest.startsWith('aquasecurity__trivy-checks/_derived/split/') || !d.dest.endsWith('.tf')) continue;
    const check = /trivy (AWS-\d+)/.exec(d.contains)?.[1];
    if (!check) throw new Error(`MANIFEST.jsonl: no trivy check id for ${d.dest}`);
    if (!/^(NEGATIVE|POSITIVE)/.test(d.expect)) throw new Error(`MANIFEST.jsonl: no expectation for ${d.dest}`);
    out.push({ file: join(CORPORA, d.dest), rel: d.dest.replace('aquasecurity__trivy-checks/_derived/split/', ''), check, compliant: d.expect.startsWith('NEGATIVE') });
  }
  return out;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.tf')) out.push(p);
  }
  return out;
}

/** Our verdict over the mapped policies: any fail -> fail; else any pass -> pass; else unknown or none. */
function verdict(findings: Finding[], policies: string[]): string {
  const mine = findings.filter((f) => policies.includes(f.policyId));
  if (mine.some((f) => f.status === 'fail')) return 'fail';
  if (mine.some((f) => f.status === 'error')) return 'error';
  if (mine.some((f) => f.status === 'pass')) return 'pass';
  if (mine.some((f) => f.status === 'unknown')) return 'unknown';
  return 'none';
}

describeWithShared('trivy-checks corpus', 'corpora/aquasecurity__trivy-checks/_derived/split', () => {
  it('scans every snippet and agrees with upstream on the mapped checks', async () => {
    const catalog = loadCatalog();
    const known = new Set(catalog.policies.map((p) => p.id));
    for (const m of Object.values(MAPPING)) for (const p of m.policies) expect(known.has(p), `mapped policy ${p} is not in the catalog`).toBe(true);
    const config = loadConfig(undefined, '/nonexistent-config-dir');
    const now = new Date('2026-11-22T00:00:00Z');
    const list = samples();
    // the manifest covers every split file
    expect(list.map((s) => s.file).sort()).toEqual(walk(SPLIT));
    const errors: string[] = [];
    const disagreements: string[] = [];
    const keptSeen = new Set<string>();
    let mapped = 0;
    let agree = 0;
    for (const s of list) {
      let findings: Finding[];
      try {
        findings = (await scanPaths([s.file], { config, catalog, now, cwd: CORPORA })).results.findings;
      } catch (e) {
        errors.push(`${s.rel}: ${(e as Error).message}`);
        continue;
      }
      const bad = findings.filter((f) => f.status === 'error');
      if (bad.length) errors.push(`${s.rel}: error findings ${bad.map((f) => f.policyId).join(', ')}`);
      const m = MAPPING[s.check];
      if (!m) continue;
      mapped++;
      const got = verdict(findings, m.policies);
      const want = s.compliant ? 'pass' : 'fail';
      if (got === want) {
        agree++;
        continue;
      }
      if (KEPT[s.rel]) {
        keptSeen.add(s.rel);
        continue;
      }
      disagreements.push(`${s.rel} (${s.check} ${m.what}): upstream ${want}, ours ${got}`);
    }
    console.log(`trivy agreement: ${list.length} snippets scanned, ${mapped} mapped to our policies, ${agree} agree, ${keptSeen.size} kept disagreements`);
    expect(errors).toEqual([]);
    expect(mapped).toBeGreaterThan(50);
    expect(disagreements).toEqual([]);
    expect(Object.keys(KEPT).filter((k) => !keptSeen.has(k))).toEqual([]);
  }, 600_000);
});
