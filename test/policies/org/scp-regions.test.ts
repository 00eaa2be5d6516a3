import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../../checks/model/value.js';
import { findings, PROFILE, rec } from '../../helpers/policy-tester.js';

/**
 * org slice (issue 14, wave 4): what aws-scp-denies-unapproved-regions makes of Terraform SCPs beyond its fixtures:
 * a deny that exempts a data service, denies only some actions, or lists a region pattern is no residency control;
 * an SCP never attached here, or none at all, is unknown (never a pass).
 */
const POLICY = 'aws-scp-denies-unapproved-regions';

function scp(statement: Record<string, unknown>, opts: { type?: string; attached?: boolean; content?: unknown; target?: unknown; targetRefs?: string[] } = {}) {
  const out = [
    rec('aws_organizations_policy.region_deny', {
      name: 'region-deny',
      ...(opts.type ? { type: opts.type } : {}),
      content: opts.content ?? JSON.stringify({ Version: '2012-10-17', Statement: [statement] }),
    }),
  ];
  const references: Record<string, string[]> = { policy_id: ['aws_organizations_policy.region_deny'], ...(opts.targetRefs ? { target_id: opts.targetRefs } : {}) };
  if (opts.attached !== false) out.push(rec('aws_organizations_policy_attachment.root', { policy_id: UNKNOWN, target_id: opts.target ?? 'r-ab12' }, { references }));
  return out;
}

const deny = (extra: Record<string, unknown> = {}, regions: unknown[] = ['us-east-1', 'us-west-2']) => ({
  Effect: 'Deny',
  NotAction: ['iam:*', 'organizations:*', 'sts:*'],
  Resource: '*',
  Condition: { StringNotEquals: { 'aws:RequestedRegion': regions } },
  ...extra,
});

function verdict(records: ReturnType<typeof scp>, profile = PROFILE) {
  const fs = findings(POLICY, records, profile).filter((f) => f.resource.address === 'account');
  expect(fs).toHaveLength(1);
  return fs[0]!;
}

describe('aws-scp-denies-unapproved-regions (Terraform)', () => {
  it('passes an attached deny of every action outside approved regions, and reads the condition key case-insensitively', () => {
    expect(verdict(scp(deny())).status).toBe('pass');
    expect(verdict(scp({ ...deny(), Condition: { StringNotEqualsIgnoreCase: { 'AWS:RequestedRegion': ['us-east-1'] } } })).status).toBe('pass');
  });

  it('fails a region list wider than the profile allows (the profile decides, not a fixed US list)', () => {
    const f = verdict(scp(deny()), { ...PROFILE, approvedRegions: ['us-east-1'] });
    expect(f.status).toBe('fail');
    expect(f.message).toContain('us-west-2');
  });

  it('fails a region pattern, a NotAction exempting a data service, and a deny of only some actions', () => {
    expect(verdict(scp(deny({}, ['us-*']))).status).toBe('fail');
    const exempt = verdict(scp(deny({ NotAction: ['iam:*', 's3:*'] })));
    expect(exempt.status).toBe('fail');
    expect(exempt.message).toContain('s3:*');
    const { NotAction: _drop, ...rest } = deny();
    expect(verdict(scp({ ...rest, Action: ['ec2:RunInstances'] })).status).toBe('fail');
  });

  it('passes the exemptions made by the Region deny controls of AWS (KMS, global control planes, read-only S3 and EC2 calls)', () => {
    const controlTower = ['iam:*', 'kms:*', 'organizations:*', 'cloudfront:*', 'ec2:DescribeRegions', 'ec2:DescribeTransitGateways', 's3:CreateMultiRegionAccessPoint', 's3:GetAccountPublicAccessBlock', 's3:GetAccountPublic*', 's3:ListAllMyBuckets', 's3:PutAccountPublic*', 'lightsail:Get*', 'sts:*'];
    expect(verdict(scp(deny({ NotAction: controlTower }))).status).toBe('pass');
  });

  it('fails a NotAction that can name an action creating a store in a data service: every service, a verb pattern, an exact create, a service pattern', () => {
    for (const entry of ['*:*', 'rds:Create*', 'rds:Restore*', 'dynamodb:CreateTable', 'ec2:RunInstances', 'ec2:C*', 'dynamo*:*', 's3:*Bucket']) {
      const f = verdict(scp(deny({ NotAction: ['iam:*', entry] })));
      expect(f.status, entry).toBe('fail');
      expect(f.message, entry).toContain(entry);
    }
  });

  it('accepts conditions that exempt a few callers (break-glass role, principal tag, calls made by services) and fails one that may confine the deny', () => {
    const regions = { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1'] } };
    const exempting = { ...regions, ArnNotLike: { 'aws:PrincipalARN': ['arn:aws:iam::*:role/AWSControlTowerExecution'] }, StringNotEqualsIfExists: { 'aws:PrincipalTag/role': ['deployer'] }, Bool: { 'aws:ViaAWSService': 'false' } };
    expect(verdict(scp(deny({ Condition: exempting }))).status).toBe('pass');
    for (const extra of [{ StringEquals: { 'aws:PrincipalAccount': ['999999999999'] } }, { Bool: { 'aws:ViaAWSService': 'true' } }, { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } }]) {
      const f = verdict(scp(deny({ Condition: { ...regions, ...extra } })));
      expect(f.status, JSON.stringify(extra)).toBe('fail');
      expect(f.message).toContain(Object.keys(extra)[0]);
    }
  });

  it('passes only an SCP attached to the root; one attached to an OU or account is unknown (whether it covers the student-data account needs live verification)', () => {
    const viaRoot = verdict(scp(deny(), { target: UNKNOWN, targetRefs: ['aws_organizations_organization.org'] }));
    expect(viaRoot.status).toBe('pass');
    expect(verdict(scp(deny(), { target: UNKNOWN, targetRefs: ['module.org.data.aws_organizations_organization.this'] })).status).toBe('pass');
    for (const [target, targetRefs] of [['ou-ab12-workload1', undefined], ['111122223333', undefined], [UNKNOWN, ['aws_organizations_organizational_unit.prod']], [UNKNOWN, ['aws_organizations_account.sis']], [UNKNOWN, ['var.target']]] as const) {
      const f = verdict(scp(deny(), { target, targetRefs: targetRefs ? [...targetRefs] : undefined }));
      expect(f.status, String(targetRefs ?? target)).toBe('unknown');
      expect(f.message).toContain('only below the root');
    }
  });

  it('fails an empty aws:RequestedRegion list (a condition with no value never matches, so nothing is denied)', () => {
    const f = verdict(scp(deny({}, [])));
    expect(f.status).toBe('fail');
    expect(f.message).toContain('empty');
  });

  it('is unknown without an SCP, with one never attached here, with content known only after apply, or with another policy type', () => {
    expect(verdict([rec('aws_s3_bucket.x', { bucket: 'x' })]).status).toBe('unknown');
    expect(verdict(scp(deny(), { attached: false })).status).toBe('unknown');
    expect(verdict(scp(deny(), { content: UNKNOWN })).status).toBe('unknown');
    expect(verdict(scp(deny(), { type: 'TAG_POLICY' })).status).toBe('unknown');
  });

  it('ignores an Allow statement and a deny on another condition key', () => {
    expect(verdict(scp({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } } })).status).toBe('unknown');
    expect(verdict(scp({ ...deny(), Condition: { StringNotEquals: { 'aws:PrincipalTag/team': ['sis'] } } })).status).toBe('unknown');
  });
});
