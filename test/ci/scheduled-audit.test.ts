import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../checks/engine/types.js';
import { readHcl } from '../../checks/sources/hcl/index.js';
import type { TfRecord } from '../../checks/sources/terraform/record.js';
import { cli, REPO } from './helpers.js';

const MODULE = 'reference-stack/terraform/modules/scheduled-audit';
const VARS = 'test/ci/scheduled-audit.tfvars';
const SHIPPED = JSON.parse(readFileSync(join(REPO, 'checks/sources/live/iam-policy.json'), 'utf8'));

function actionsOf(doc: { Statement: Array<{ Effect: string; Action: string | string[] }> }): string[] {
  return doc.Statement.filter((s) => s.Effect === 'Allow')
    .flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]))
    .sort();
}

function scan(args: string[]): Results {
  const r = cli(['scan', MODULE, '--format', 'json', '--fail-on', 'info', ...args]);
  expect(r.code, r.stderr).toBeLessThan(2);
  return JSON.parse(r.stdout) as Results;
}

describe('reference-stack module scheduled-audit', () => {
  let records: TfRecord[];
  const rec = (address: string) => records.find((r) => r.address === address)!;

  beforeAll(async () => {
    const src = await readHcl([join(REPO, MODULE)], { varFiles: [join(REPO, VARS)], root: REPO });
    records = src.records;
  });

  it('scans clean under our own policies, on its own and with values', () => {
    const bare = scan([]);
    expect(bare.findings.filter((f) => f.status === 'fail' || f.status === 'error').map((f) => `${f.policyId} ${f.resource.address}`)).toEqual([]);
    const full = scan(['--var-file', VARS]);
    expect(full.findings.filter((f) => f.status !== 'pass' && f.status !== 'unknown')).toEqual([]);
    // with values, only account-level facts a module cannot show stay unknown
    expect(full.findings.filter((f) => f.status === 'unknown' && f.resource.kind !== 'aws.account')).toEqual([]);
    const passed = new Set(full.findings.filter((f) => f.status === 'pass').map((f) => f.policyId));
    for (const p of [
      'aws-s3-sse-kms',
      'aws-s3-versioning-enabled',
      'aws-s3-public-access-block',
      'aws-s3-tls-only-policy',
      'aws-s3-access-logging',
      'aws-log-group-retention-floor',
      'aws-kms-key-rotation-enabled',
      'aws-kms-key-policy-no-wildcard-principal',
      'aws-ecs-task-logging',
      'aws-ecs-no-plaintext-secrets-in-environment',
      'aws-iam-no-full-admin',
      'aws-iam-role-trust-no-wildcard-principal',
      'aws-sg-unrestricted-egress',
    ]) {
      expect(passed, p).toContain(p);
    }
  }, 120_000);

  it("its auditor policy is the shipped read-only policy (same actions)", () => {
    const policy = rec('aws_iam_policy.audit_read_only').values.policy;
    expect(typeof policy).toBe('string');
    expect(actionsOf(JSON.parse(policy as string))).toEqual(actionsOf(SHIPPED));
    // iam:GenerateCredentialReport only builds the credential report (guard slice; AWS's SecurityAudit policy grants it).
    // apigateway:GET: API Gateway authorises reads by HTTP verb (doors2), scoped to the paths the collector reads.
    // files-streams: action names may end in a version (kafka:ListClustersV2).
    expect(actionsOf(SHIPPED).filter((a) => a !== 'iam:GenerateCredentialReport' && a !== 'apigateway:GET').every((a) => /^[a-z0-9-]+:(Get|List|Describe|BatchGet|Select)[A-Za-z0-9]*$/.test(a))).toBe(true);
    const copy = JSON.parse(readFileSync(join(REPO, MODULE, 'ferpa-ready-audit-policy.json'), 'utf8'));
    expect(copy).toEqual(SHIPPED);
    expect(rec('aws_iam_role_policy_attachment.task_read_only').references.policy_arn).toContain('aws_iam_policy.audit_read_only');
  });

  it('evidence bucket: Object Lock, versioning, SSE-KMS, public access block, TLS-only policy', () => {
    expect(rec('aws_s3_bucket.evidence').values.object_lock_enabled).toBe(true);
    const lock = rec('aws_s3_bucket_object_lock_configuration.evidence').values as any;
    const retention = lock.rule[0].default_retention[0];
    expect(['GOVERNANCE', 'COMPLIANCE']).toContain(retention.mode);
    expect(retention.days).toBeGreaterThanOrEqual(365);
    expect((rec('aws_s3_bucket_versioning.evidence').values as any).versioning_configuration[0].status).toBe('Enabled');
    const sse = (rec('aws_s3_bucket_server_side_encryption_configuration.evidence').values as any).rule[0].apply_server_side_encryption_by_default[0];
    expect(sse.sse_algorithm).toBe('aws:kms');
    const pab = rec('aws_s3_bucket_public_access_block.evidence').values;
    for (const k of ['block_public_acls', 'ignore_public_acls', 'block_public_policy', 'restrict_public_buckets']) expect(pab[k], k).toBe(true);
    const bp = JSON.parse(rec('aws_s3_bucket_policy.evidence').values.policy as string);
    expect(bp.Statement.find((s: any) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false')).toBeTruthy();
  });

  it('scheduler runs the Fargate task that audits into the S3 store as the auditor role', () => {
    const sched = rec('aws_scheduler_schedule.audit');
    expect(sched.references['target.arn']).toContain('aws_ecs_cluster.audit');
    expect(sched.references['target.ecs_parameters.task_definition_arn']).toContain('aws_ecs_task_definition.audit');
    const td = rec('aws_ecs_task_definition.audit');
    expect(td.values.requires_compatibilities).toEqual(['FARGATE']);
    expect(td.references.task_role_arn).toContain('aws_iam_role.task');
    const [c] = JSON.parse(td.values.container_definitions as string);
    expect(c.command.slice(0, 3)).toEqual(['audit', '--regions', 'us-east-1,us-east-2']);
    expect(c.command).toContain('--snapshot-out');
    expect(c.command[c.command.indexOf('--store') + 1]).toBe('s3://demo-ferpa-ready-evidence-123456789012/runs');
    expect(c.command[c.command.indexOf('--fail-on') + 1]).toBe('high');
    expect(c.image).toMatch(/@sha256:[0-9a-f]{64}$/);
    expect(c.readonlyRootFilesystem).toBe(true);
    expect(c.user).not.toMatch(/^(0|root)\b/);
    expect(c.logConfiguration.logDriver).toBe('awslogs');
  });

  it('alerts go to a KMS-encrypted topic from a rule on the task verdict; logs are retained and encrypted', () => {
    expect(rec('aws_sns_topic.alerts').references.kms_master_key_id).toContain('aws_kms_key.audit');
    const rule = JSON.parse(rec('aws_cloudwatch_event_rule.audit_verdict').values.event_pattern as string);
    expect(rule.source).toEqual(['aws.ecs']);
    expect(rule.detail.containers.exitCode).toContain(1);
    expect(rec('aws_cloudwatch_event_target.alerts').references.arn).toContain('aws_sns_topic.alerts');
    const lg = rec('aws_cloudwatch_log_group.audit');
    expect(lg.values.retention_in_days).toBeGreaterThanOrEqual(365);
    expect(lg.references.kms_key_id).toContain('aws_kms_key.audit');
  });
});
