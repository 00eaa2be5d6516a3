import { describe, expect, it } from 'vitest';
import { Model } from '../../../checks/model/model.js';
import { UNKNOWN } from '../../../checks/model/value.js';
import type { Resource } from '../../../checks/model/resource.js';
import { findings, model, rec, verdicts } from '../../helpers/policy-tester.js';

const B = 'aws_s3_bucket.b';
const student = { bucket: 'lincoln-records', tags: { DataClassification: 'student-data' } };
const bucket = (extra: Record<string, unknown> = {}) => rec(B, { ...student, ...extra });
const sse = (rule: Record<string, unknown>, refs: Record<string, string[]> = {}) =>
  rec('aws_s3_bucket_server_side_encryption_configuration.b', { bucket: 'lincoln-records', rule: [{ apply_server_side_encryption_by_default: [rule] }] }, { references: refs });
const policy = (doc: unknown) => rec('aws_s3_bucket_policy.b', { bucket: 'lincoln-records', policy: typeof doc === 'string' || doc === UNKNOWN ? doc : JSON.stringify(doc) });
const ARN = 'arn:aws:s3:::lincoln-records';

describe('aws-s3-sse-kms', () => {
  it('passes SSE-KMS with a managed key, fails SSE-S3 and aws/s3, is unknown for a key ARN not in the input', () => {
    const key = rec('aws_kms_key.k', { arn: UNKNOWN });
    expect(verdicts('aws-s3-sse-kms', model([bucket(), key, sse({ sse_algorithm: 'aws:kms', kms_master_key_id: UNKNOWN }, { 'rule.apply_server_side_encryption_by_default.kms_master_key_id': ['aws_kms_key.k'] })]))[B]).toBe('pass');
    expect(verdicts('aws-s3-sse-kms', model([bucket()]))[B]).toBe('fail');
    expect(verdicts('aws-s3-sse-kms', model([bucket(), sse({ sse_algorithm: 'aws:kms', kms_master_key_id: 'alias/aws/s3' })]))[B]).toBe('fail');
    expect(verdicts('aws-s3-sse-kms', model([bucket(), sse({ sse_algorithm: 'aws:kms', kms_master_key_id: 'arn:aws:kms:us-east-1:111122223333:key/0b1c' })]))[B]).toBe('unknown');
  });

  it('exempts server access log target buckets (they support SSE-S3 only)', () => {
    const logs = rec('aws_s3_bucket.logs', { bucket: 'lincoln-logs' });
    const res = verdicts('aws-s3-sse-kms', model([bucket({ logging: [{ target_bucket: 'lincoln-logs' }] }), logs]));
    expect(res['aws_s3_bucket.logs']).toBeUndefined();
    expect(res[B]).toBe('fail');
  });

  it('exempts a bucket whose policy lets the logging service put objects, and only that grant', () => {
    const grant = (principal: unknown, action: unknown, effect = 'Allow') => ({ Version: '2012-10-17', Statement: [{ Effect: effect, Principal: principal, Action: action, Resource: `${ARN}/logs/*` }] });
    const verdict = (doc: unknown) => verdicts('aws-s3-sse-kms', model([bucket(), sse({ sse_algorithm: 'AES256' }), policy(doc)]))[B];
    expect(verdict(grant({ Service: 'logging.s3.amazonaws.com' }, 's3:PutObject'))).toBeUndefined();
    expect(verdict(grant({ Service: ['cloudtrail.amazonaws.com', 'logging.s3.amazonaws.com'] }, ['s3:*']))).toBeUndefined();
    expect(verdict(grant({ Service: 'cloudtrail.amazonaws.com' }, 's3:PutObject'))).toBe('fail');
    expect(verdict(grant({ Service: 'logging.s3.amazonaws.com' }, 's3:GetObject'))).toBe('fail');
    expect(verdict(grant({ Service: 'logging.s3.amazonaws.com' }, 's3:PutObject', 'Deny'))).toBe('fail');
    // a policy known only after apply might or might not be the grant: the bucket is still judged
    expect(verdict(UNKNOWN)).toBe('fail');
  });
});

describe('aws-s3-tls-only-policy', () => {
  const deny = (cond: unknown, resource: unknown = [ARN, `${ARN}/*`]) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: resource, Condition: cond }] });
  it('passes a SecureTransport deny on the bucket and its objects', () => {
    expect(verdicts('aws-s3-tls-only-policy', model([bucket(), policy(deny({ Bool: { 'aws:SecureTransport': 'false' } }))]))[B]).toBe('pass');
    expect(verdicts('aws-s3-tls-only-policy', model([bucket(), policy(deny({ Bool: { 'aws:SecureTransport': false } }, `${ARN}*`))]))[B]).toBe('pass');
  });
  it('fails a TLS-version-only deny, a deny on objects only, and no policy', () => {
    expect(verdicts('aws-s3-tls-only-policy', model([bucket(), policy(deny({ NumericLessThan: { 's3:TlsVersion': '1.2' } }))]))[B]).toBe('fail');
    expect(verdicts('aws-s3-tls-only-policy', model([bucket(), policy(deny({ Bool: { 'aws:SecureTransport': 'false' } }, `${ARN}/*`))]))[B]).toBe('fail');
    expect(verdicts('aws-s3-tls-only-policy', model([bucket()]))[B]).toBe('fail');
  });
  it('is unknown for a policy known only after apply, unless a referenced policy document shows the statement', () => {
    expect(verdicts('aws-s3-tls-only-policy', model([bucket(), policy(UNKNOWN)]))[B]).toBe('unknown');
    const facet = rec('aws_s3_bucket_policy.b', { bucket: 'lincoln-records', policy: UNKNOWN }, { references: { policy: ['data.aws_iam_policy_document.tls'] } });
    const doc: Resource = {
      kind: 'aws.iam.policy-document',
      id: 'data.aws_iam_policy_document.tls',
      address: 'data.aws_iam_policy_document.tls',
      source: 'plan',
      loc: {},
      attrs: { document: { value: { Statement: [{ Effect: 'Deny', Principal: { AWS: ['*'] }, Action: ['s3:*'], Resource: ['*'], Condition: { Bool: { 'aws:SecureTransport': ['false'] } } }] }, origin: 'explicit' } },
      links: {},
      identifiers: [],
    };
    const m = model([bucket(), facet], 'plan', [doc]);
    expect(verdicts('aws-s3-tls-only-policy', m)[B]).toBe('pass');
  });
});

describe('aws-s3-no-public-policy and aws-kms-key-policy-no-wildcard-principal', () => {
  const allow = (extra: Record<string, unknown>) => ({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${ARN}/*`, ...extra }] });
  it('restricting conditions pass; negated, IfExists and transport conditions do not restrict', () => {
    expect(verdicts('aws-s3-no-public-policy', model([bucket(), policy(allow({ Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b' } } }))]))[B]).toBe('pass');
    expect(verdicts('aws-s3-no-public-policy', model([bucket(), policy(allow({ Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-1' } } }))]))[B]).toBe('fail');
    expect(verdicts('aws-s3-no-public-policy', model([bucket(), policy(allow({ Condition: { StringEqualsIfExists: { 'aws:SourceAccount': '111122223333' } } }))]))[B]).toBe('fail');
    expect(verdicts('aws-s3-no-public-policy', model([bucket(), policy(allow({ Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } }))]))[B]).toBe('fail');
    expect(verdicts('aws-s3-no-public-policy', model([bucket(), policy({ Statement: [{ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:*', Resource: '*' }] })]))[B]).toBe('fail');
    expect(verdicts('aws-s3-no-public-policy', model([bucket(), policy(allow({ Principal: { AWS: 'arn:aws:iam::*:root' } }))]))[B]).toBe('fail');
    expect(verdicts('aws-s3-no-public-policy', model([bucket(), policy(allow({ Condition: { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': ['o-1'] } } }))]))[B]).toBe('fail');
    expect(verdicts('aws-s3-no-public-policy', model([bucket(), policy(allow({ Principal: { Service: 'cloudtrail.amazonaws.com' } }))]))[B]).toBe('pass');
    expect(verdicts('aws-s3-no-public-policy', model([bucket(), policy(UNKNOWN)]))[B]).toBe('unknown');
    expect(verdicts('aws-s3-no-public-policy', model([bucket()]))[B]).toBe('pass');
  });
  it('a key without a configured policy (AWS default key policy) passes; a wildcard Allow fails', () => {
    expect(verdicts('aws-kms-key-policy-no-wildcard-principal', model([rec('aws_kms_key.k', {}, { source: 'hcl', configured: [] })], 'hcl'))['aws_kms_key.k']).toBe('pass');
    const open = rec('aws_kms_key.k', { policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: ['*'] }, Action: 'kms:Decrypt', Resource: '*' }] }) });
    expect(verdicts('aws-kms-key-policy-no-wildcard-principal', model([open]))['aws_kms_key.k']).toBe('fail');
    const pinned = rec('aws_kms_key.k', { policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } } }] }) });
    expect(verdicts('aws-kms-key-policy-no-wildcard-principal', model([pinned]))['aws_kms_key.k']).toBe('pass');
  });
});

describe('aws-s3-public-access-block, aws-s3-no-public-acl, aws-account-s3-public-access-block', () => {
  it('needs all four bucket flags', () => {
    const pab = (flags: Record<string, boolean>) => rec('aws_s3_bucket_public_access_block.b', { bucket: 'lincoln-records', ...flags });
    const all = { block_public_acls: true, ignore_public_acls: true, block_public_policy: true, restrict_public_buckets: true };
    expect(verdicts('aws-s3-public-access-block', model([bucket(), pab(all)]))[B]).toBe('pass');
    expect(verdicts('aws-s3-public-access-block', model([bucket(), pab({ ...all, restrict_public_buckets: false })]))[B]).toBe('fail');
    expect(verdicts('aws-s3-public-access-block', model([bucket()]))[B]).toBe('fail');
  });
  it('fails public canned ACLs and grants to AllUsers; an unknown grant list is unknown', () => {
    expect(verdicts('aws-s3-no-public-acl', model([bucket({ acl: 'authenticated-read' })]))[B]).toBe('fail');
    expect(verdicts('aws-s3-no-public-acl', model([bucket({ acl: 'log-delivery-write' })]))[B]).toBe('pass');
    expect(verdicts('aws-s3-no-public-acl', model([bucket({ grant: [{ type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers', permissions: ['READ'] }] })]))[B]).toBe('fail');
    expect(verdicts('aws-s3-no-public-acl', model([rec(B, { ...student, grant: UNKNOWN }, { configured: ['bucket', 'grant'] })]))[B]).toBe('unknown');
  });
  it('account block: not declared = unknown (needs live), declared all on = pass, a flag off = fail, live complete without it = fail', () => {
    expect(verdicts('aws-account-s3-public-access-block', model([]))['account']).toBe('unknown');
    const acct = (flags: Record<string, boolean>) => rec('aws_s3_account_public_access_block.this', flags);
    expect(verdicts('aws-account-s3-public-access-block', model([acct({ block_public_acls: true, ignore_public_acls: true, block_public_policy: true, restrict_public_buckets: true })]))['account']).toBe('pass');
    expect(verdicts('aws-account-s3-public-access-block', model([acct({ block_public_acls: true, ignore_public_acls: true })]))['account']).toBe('fail');
    const live: Resource = { kind: 'aws.account', id: 'arn:aws::111122223333:account', arn: 'arn:aws::111122223333:account', source: 'live', loc: {}, attrs: { complete: { value: true, origin: 'explicit' } }, links: {}, identifiers: [] };
    expect(findings('aws-account-s3-public-access-block', new Model([live]))[0]?.status).toBe('fail');
  });
});

describe('aws-s3-versioning-enabled and aws-s3-access-logging', () => {
  const versioning = (status: string) => rec('aws_s3_bucket_versioning.b', { bucket: 'lincoln-records', versioning_configuration: [{ status }] });
  it('versioning: Enabled passes, Suspended fails; unclassified buckets are out of scope unless a trail writes to them', () => {
    expect(verdicts('aws-s3-versioning-enabled', model([bucket(), versioning('Enabled')]))[B]).toBe('pass');
    expect(verdicts('aws-s3-versioning-enabled', model([bucket(), versioning('Suspended')]))[B]).toBe('fail');
    const plain = rec(B, { bucket: 'lincoln-trail' });
    expect(verdicts('aws-s3-versioning-enabled', model([plain]))[B]).toBeUndefined();
    const t = rec('aws_cloudtrail.t', { name: 't', s3_bucket_name: 'lincoln-trail' });
    expect(verdicts('aws-s3-versioning-enabled', model([plain, t]))[B]).toBe('fail');
  });
  it('access logging: a logging facet with a target known only after apply passes; none fails; a log target bucket is exempt', () => {
    const logs = rec('aws_s3_bucket.logs', { bucket: 'lincoln-logs', id: UNKNOWN, tags: { DataClassification: 'audit-log' } });
    const facet = rec('aws_s3_bucket_logging.b', { bucket: 'lincoln-records', target_bucket: UNKNOWN, target_prefix: 'r/' }, { references: { target_bucket: ['aws_s3_bucket.logs'] } });
    const res = verdicts('aws-s3-access-logging', model([bucket(), logs, facet]));
    expect(res[B]).toBe('pass');
    expect(res['aws_s3_bucket.logs']).toBeUndefined();
    expect(verdicts('aws-s3-access-logging', model([bucket(), logs]))).toEqual({ [B]: 'fail', 'aws_s3_bucket.logs': 'fail' });
  });
});

describe('aws-s3-student-data-lifecycle', () => {
  const lc = (rule: Record<string, unknown>) => rec('aws_s3_bucket_lifecycle_configuration.b', { bucket: 'lincoln-records', rule: [{ id: 'r', status: 'Enabled', filter: [{}], ...rule }] });
  const versioned = rec('aws_s3_bucket_versioning.b', { bucket: 'lincoln-records', versioning_configuration: [{ status: 'Enabled' }] });
  it('a versioned bucket must expire noncurrent versions within dispositionDays', () => {
    expect(verdicts('aws-s3-student-data-lifecycle', model([bucket(), versioned, lc({ noncurrent_version_expiration: [{ noncurrent_days: 30 }] })]))[B]).toBe('pass');
    expect(verdicts('aws-s3-student-data-lifecycle', model([bucket(), versioned, lc({ noncurrent_version_expiration: [{ noncurrent_days: 90 }] })]))[B]).toBe('fail');
    expect(verdicts('aws-s3-student-data-lifecycle', model([bucket(), versioned, lc({ expiration: [{ days: 365 }] })]))[B]).toBe('fail');
    expect(verdicts('aws-s3-student-data-lifecycle', model([bucket(), lc({ expiration: [{ days: 365 }] })]))[B]).toBe('pass');
  });
  it('disabled or prefix-scoped rules do not count; non-student buckets are out of scope', () => {
    expect(verdicts('aws-s3-student-data-lifecycle', model([bucket(), lc({ status: 'Disabled', expiration: [{ days: 30 }] })]))[B]).toBe('fail');
    expect(verdicts('aws-s3-student-data-lifecycle', model([bucket(), lc({ filter: [{ prefix: 'tmp/' }], expiration: [{ days: 30 }] })]))[B]).toBe('fail');
    expect(verdicts('aws-s3-student-data-lifecycle', model([rec(B, { bucket: 'x', tags: { DataClassification: 'public' } })]))[B]).toBeUndefined();
  });
});

describe('KMS key policies', () => {
  it('rotation: default off fails, on passes, asymmetric keys are out of scope', () => {
    expect(verdicts('aws-kms-key-rotation-enabled', model([rec('aws_kms_key.k', {})]))['aws_kms_key.k']).toBe('fail');
    expect(verdicts('aws-kms-key-rotation-enabled', model([rec('aws_kms_key.k', { enable_key_rotation: true })]))['aws_kms_key.k']).toBe('pass');
    expect(verdicts('aws-kms-key-rotation-enabled', model([rec('aws_kms_key.k', { key_usage: 'SIGN_VERIFY', customer_master_key_spec: 'ECC_NIST_P256' })]))['aws_kms_key.k']).toBeUndefined();
    expect(verdicts('aws-kms-key-rotation-enabled', model([rec('aws_kms_key.k', { enable_key_rotation: UNKNOWN })]))['aws_kms_key.k']).toBe('unknown');
  });
  it('rotation skips imported material, custom key stores and replicas', () => {
    const res = verdicts(
      'aws-kms-key-rotation-enabled',
      model([rec('aws_kms_external_key.imp', {}), rec('aws_kms_replica_key.rep', {}), rec('aws_kms_key.hsm', { custom_key_store_id: 'cks-1' }), rec('aws_kms_key.k', {})]),
    );
    expect(res).toEqual({ 'aws_kms_key.k': 'fail' });
  });
  it('deletion window: default 30 passes, 14 passes, 7 fails', () => {
    expect(verdicts('aws-kms-deletion-window', model([rec('aws_kms_key.k', {})]))['aws_kms_key.k']).toBe('pass');
    expect(verdicts('aws-kms-deletion-window', model([rec('aws_kms_key.k', { deletion_window_in_days: 14 })]))['aws_kms_key.k']).toBe('pass');
    expect(verdicts('aws-kms-deletion-window', model([rec('aws_kms_key.k', { deletion_window_in_days: 7 })]))['aws_kms_key.k']).toBe('fail');
  });
});

describe('CloudTrail policies', () => {
  const T = 'aws_cloudtrail.t';
  const trail = (v: Record<string, unknown>, refs: Record<string, string[]> = {}) => rec(T, { name: 't', s3_bucket_name: 'lincoln-trail', ...v }, { references: refs });
  it('trail-level: multi-region, validation and KMS', () => {
    expect(verdicts('aws-cloudtrail-multi-region', model([trail({})]))[T]).toBe('fail');
    expect(verdicts('aws-cloudtrail-multi-region', model([trail({ is_multi_region_trail: true, include_global_service_events: false })]))[T]).toBe('fail');
    expect(verdicts('aws-cloudtrail-multi-region', model([trail({ is_multi_region_trail: true })]))[T]).toBe('pass');
    expect(verdicts('aws-cloudtrail-log-file-validation', model([trail({ enable_log_file_validation: true })]))[T]).toBe('pass');
    expect(verdicts('aws-cloudtrail-log-file-validation', model([trail({})]))[T]).toBe('fail');
    expect(verdicts('aws-cloudtrail-kms-encrypted', model([trail({ kms_key_id: UNKNOWN }, { kms_key_id: ['aws_kms_key.k'] }), rec('aws_kms_key.k', { arn: UNKNOWN })]))[T]).toBe('pass');
    expect(verdicts('aws-cloudtrail-kms-encrypted', model([trail({ kms_key_id: UNKNOWN }, { kms_key_id: ['module.keys.aws_kms_key.k'] })]))[T]).toBe('unknown');
    expect(verdicts('aws-cloudtrail-kms-encrypted', model([trail({})]))[T]).toBe('fail');
  });

  it('account trail: none in a configuration = unknown, multi-region = pass, single-region only = fail, live without any = fail', () => {
    expect(verdicts('aws-account-has-multi-region-trail', model([]))['account']).toBe('unknown');
    expect(verdicts('aws-account-has-multi-region-trail', model([trail({ is_multi_region_trail: true })]))['account']).toBe('pass');
    expect(verdicts('aws-account-has-multi-region-trail', model([trail({ is_multi_region_trail: true, enable_logging: false })]))['account']).toBe('fail');
    expect(verdicts('aws-account-has-multi-region-trail', model([trail({ is_multi_region_trail: UNKNOWN })]))['account']).toBe('unknown');
    const live: Resource = { kind: 'aws.account', id: 'acct', source: 'live', loc: {}, attrs: { complete: { value: true, origin: 'explicit' } }, links: { trails: [] }, identifiers: [] };
    expect(findings('aws-account-has-multi-region-trail', new Model([live]))[0]?.status).toBe('fail');
  });

  it('S3 data events: named bucket with reads and writes passes; all-buckets passes; reads only fails; no trail = unknown', () => {
    const b = bucket({ arn: UNKNOWN });
    const named = (rw: string) =>
      trail({ event_selector: [{ read_write_type: rw, data_resource: [{ type: 'AWS::S3::Object', values: [UNKNOWN] }] }] }, { 'event_selector.data_resource.values': [B] });
    expect(verdicts('aws-cloudtrail-s3-data-events', model([b, named('All')]))[B]).toBe('pass');
    expect(verdicts('aws-cloudtrail-s3-data-events', model([b, named('ReadOnly')]))[B]).toBe('fail');
    expect(verdicts('aws-cloudtrail-s3-data-events', model([b, trail({ event_selector: [{ data_resource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] }] })]))[B]).toBe('pass');
    expect(verdicts('aws-cloudtrail-s3-data-events', model([b, trail({})]))[B]).toBe('fail');
    expect(verdicts('aws-cloudtrail-s3-data-events', model([b]))[B]).toBe('unknown');
    expect(verdicts('aws-cloudtrail-s3-data-events', model([b, trail({ event_selector: UNKNOWN })]))[B]).toBe('unknown');
  });
});

describe('S3 data events across regions', () => {
  const T = 'aws_cloudtrail.t';
  const allBuckets = { name: 't', s3_bucket_name: 'lincoln-trail', event_selector: [{ data_resource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] }] };
  const westBucket = () => rec(B, { ...student, arn: UNKNOWN }, { region: 'us-west-2' });
  it("a single-Region trail records no bucket of another Region; a multi-Region one does; one whose scope is known only after apply is unknown", () => {
    expect(verdicts('aws-cloudtrail-s3-data-events', model([westBucket(), rec(T, allBuckets, { region: 'us-east-1' })]))[B]).toBe('fail');
    expect(verdicts('aws-cloudtrail-s3-data-events', model([westBucket(), rec(T, { ...allBuckets, is_multi_region_trail: true }, { region: 'us-east-1' })]))[B]).toBe('pass');
    expect(verdicts('aws-cloudtrail-s3-data-events', model([westBucket(), rec(T, { ...allBuckets, is_multi_region_trail: UNKNOWN }, { region: 'us-east-1' })]))[B]).toBe('unknown');
    expect(verdicts('aws-cloudtrail-s3-data-events', model([rec(B, { ...student, arn: UNKNOWN }, { region: 'us-east-1' }), rec(T, allBuckets, { region: 'us-east-1' })]))[B]).toBe('pass');
  });
});

describe('log group policies', () => {
  const G = 'aws_cloudwatch_log_group.g';
  const lg = (name: string, v: Record<string, unknown>, cls?: string) => rec(G, { name, ...(cls ? { tags: { DataClassification: cls } } : {}), ...v });
  it('security floor: never expire and >= 365 pass, 90 fails, out-of-scope names are skipped, unknown stays unknown', () => {
    expect(verdicts('aws-log-group-retention-floor', model([lg('/aws/cloudtrail/main', {})]))[G]).toBe('pass');
    expect(verdicts('aws-log-group-retention-floor', model([lg('x', { retention_in_days: 400 }, 'audit-log')]))[G]).toBe('pass');
    expect(verdicts('aws-log-group-retention-floor', model([lg('vpc-flow-logs', { retention_in_days: 90 })]))[G]).toBe('fail');
    expect(verdicts('aws-log-group-retention-floor', model([lg('/ecs/api', { retention_in_days: 7 })]))[G]).toBeUndefined();
    expect(verdicts('aws-log-group-retention-floor', model([lg('x', { retention_in_days: UNKNOWN }, 'security-log')]))[G]).toBe('unknown');
  });
  it('a log group a trail delivers to is a security log whatever its name', () => {
    const t = rec('aws_cloudtrail.t', { name: 't', s3_bucket_name: 'x', cloud_watch_logs_group_arn: UNKNOWN }, { references: { cloud_watch_logs_group_arn: [G] } });
    expect(verdicts('aws-log-group-retention-floor', model([lg('/org/events', { retention_in_days: 30 }), t]))[G]).toBe('fail');
  });
  it('PII ceiling: never expire fails, 30 passes, 365 fails', () => {
    expect(verdicts('aws-log-group-pii-retention-ceiling', model([lg('/ecs/api', {}, 'operational')]))[G]).toBe('fail');
    expect(verdicts('aws-log-group-pii-retention-ceiling', model([lg('/ecs/api', { retention_in_days: 30 }, 'pii')]))[G]).toBe('pass');
    expect(verdicts('aws-log-group-pii-retention-ceiling', model([lg('/ecs/api', { retention_in_days: 365 }, 'student-data')]))[G]).toBe('fail');
  });
  it('KMS: student log groups need a key', () => {
    expect(verdicts('aws-log-group-kms-encrypted', model([lg('/ecs/api', {}, 'pii')]))[G]).toBe('fail');
    expect(verdicts('aws-log-group-kms-encrypted', model([lg('/ecs/api', { kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/0b1c' }, 'pii')]))[G]).toBe('pass');
  });
});

describe('aws-cloudtrail-s3-data-events with selectors as a live read shows them', () => {
  it('matches an exact bucket ARN prefix, not a folder prefix, and works without the adapter flags', () => {
    const bucket: Resource = {
      kind: 'aws.s3.bucket',
      id: 'arn:aws:s3:::lincoln-records',
      arn: 'arn:aws:s3:::lincoln-records',
      source: 'live',
      loc: {},
      attrs: { bucketName: { value: 'lincoln-records', origin: 'explicit' }, dataClass: { value: 'student-data', origin: 'explicit' } },
      links: {},
      identifiers: ['lincoln-records'],
    };
    const trail = (prefix: string, rw = 'All'): Resource => ({
      kind: 'aws.cloudtrail.trail',
      id: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/main',
      arn: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/main',
      source: 'live',
      loc: {},
      attrs: {
        enableLogging: { value: true, origin: 'explicit' },
        dataEvents: { value: [{ resourceType: 'AWS::S3::Object', arnPrefixes: [prefix], allResources: prefix === 'arn:aws:s3', readWriteType: rw, source: 'event_selector' }], origin: 'explicit' },
      },
      links: {},
      identifiers: [],
    });
    const status = (t: Resource) => findings('aws-cloudtrail-s3-data-events', new Model([bucket, t]))[0]?.status;
    expect(status(trail('arn:aws:s3:::lincoln-records/'))).toBe('pass');
    expect(status(trail('arn:aws:s3'))).toBe('pass');
    expect(status(trail('arn:aws:s3:::lincoln-records/tmp/'))).toBe('fail');
    expect(status(trail('arn:aws:s3:::lincoln-records/', 'WriteOnly'))).toBe('fail');
    expect(findings('aws-cloudtrail-s3-data-events', new Model([bucket]))[0]?.status).toBe('fail');
  });
});
