import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../checks/model/value.js';
import { get, model, rec } from '../helpers/policy-tester.js';

const bucketValues = { bucket: 'lincoln-records', tags: { DataClassification: 'Student-Data' } };

describe('aws_s3_bucket adapter', () => {
  it('fills AWS defaults (origin default) for a bucket with no encryption, versioning or access block', () => {
    const m = model([rec('aws_s3_bucket.b', bucketValues, { configured: ['bucket', 'tags'], source: 'hcl' })], 'hcl');
    const b = get(m, 'aws_s3_bucket.b');
    expect(b.kind).toBe('aws.s3.bucket');
    expect(b.attrs.sseAlgorithm).toMatchObject({ value: 'AES256', origin: 'default' });
    expect(b.attrs.versioningEnabled).toMatchObject({ value: false, origin: 'default' });
    expect(b.attrs.blockPublicPolicy).toMatchObject({ value: false, origin: 'default' });
    expect(b.attrs.acl).toMatchObject({ value: 'private', origin: 'default' });
    expect(b.attrs.lifecycleRules?.value).toEqual([]);
    expect(b.attrs.loggingEnabled).toMatchObject({ value: false, origin: 'default' });
    expect(b.attrs.dataClass?.value).toBe('student-data');
    expect(b.identifiers).toContain('lincoln-records');
  });

  it('treats a v4 plan’s computed inline blocks as the AWS default when the configuration does not write them', () => {
    const values = { ...bucketValues, versioning: UNKNOWN, server_side_encryption_configuration: UNKNOWN, grant: UNKNOWN, policy: UNKNOWN, lifecycle_rule: UNKNOWN };
    const b = get(model([rec('aws_s3_bucket.b', values, { configured: ['bucket', 'tags'] })]), 'aws_s3_bucket.b');
    expect(b.attrs.versioningEnabled).toMatchObject({ value: false, origin: 'default' });
    expect(b.attrs.sseAlgorithm).toMatchObject({ value: 'AES256', origin: 'default' });
    expect(b.attrs.aclGrants?.value).toEqual([]);
    expect(b.attrs.policy?.origin).toBe('default');
    expect(b.attrs.policy?.value).toBeUndefined();
  });

  it('keeps a configured inline value that is known only after apply unknown', () => {
    const values = { ...bucketValues, versioning: [{ enabled: UNKNOWN, mfa_delete: false }], policy: UNKNOWN };
    const b = get(model([rec('aws_s3_bucket.b', values, { configured: ['bucket', 'versioning', 'versioning.enabled', 'policy'] })]), 'aws_s3_bucket.b');
    expect(b.attrs.versioningEnabled?.origin).toBe('unknown');
    expect(b.attrs.policy?.origin).toBe('unknown');
  });

  it('reads the v3 inline blocks: SSE-KMS, versioning, lifecycle_rule, grant, logging', () => {
    const values = {
      ...bucketValues,
      server_side_encryption_configuration: [{ rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: 'alias/aws/s3' }], bucket_key_enabled: true }] }],
      versioning: [{ enabled: true, mfa_delete: false }],
      lifecycle_rule: [{ id: 'r', enabled: true, prefix: '', expiration: [{ days: 365 }], noncurrent_version_expiration: [{ days: 30 }], transition: [{ days: 30, storage_class: 'GLACIER' }] }],
      grant: [{ type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers', permissions: ['READ', 'READ_ACP'] }],
      logging: [{ target_bucket: 'lincoln-logs', target_prefix: 'r/' }],
    };
    const b = get(model([rec('aws_s3_bucket.b', values)]), 'aws_s3_bucket.b');
    expect(b.attrs.sseAlgorithm?.value).toBe('aws:kms');
    expect(b.attrs.kmsKeyIsAwsManaged).toMatchObject({ value: true, origin: 'explicit' });
    expect(b.attrs.bucketKeyEnabled?.value).toBe(true);
    expect(b.attrs.versioningEnabled?.value).toBe(true);
    expect(b.attrs.lifecycleRules?.value).toEqual([
      { id: 'r', enabled: true, filtered: false, expirationDays: 365, expirationDate: undefined, noncurrentExpirationDays: 30, transitions: [{ days: 30, storageClass: 'GLACIER' }] },
    ]);
    expect(b.attrs.aclGrants?.value).toHaveLength(2);
    expect((b.attrs.aclGrants?.value as Array<{ permission: string }>).map((g) => g.permission)).toEqual(['READ', 'READ_ACP']);
    expect(b.attrs.loggingEnabled?.value).toBe(true);
    expect(b.attrs.loggingTargetBucket?.value).toBe('lincoln-logs');
  });
});

describe('S3 split resources (provider v4+) as facets', () => {
  const bucket = rec('aws_s3_bucket.b', { ...bucketValues, id: UNKNOWN, arn: UNKNOWN }, { configured: ['bucket', 'tags'] });
  const key = rec('aws_kms_key.k', { arn: UNKNOWN, key_id: UNKNOWN, enable_key_rotation: true }, { configured: ['enable_key_rotation'] });

  it('merges the SSE configuration by reference and links the KMS key', () => {
    const sse = rec(
      'aws_s3_bucket_server_side_encryption_configuration.b',
      { bucket: UNKNOWN, rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: UNKNOWN }] }] },
      { references: { bucket: ['aws_s3_bucket.b'], 'rule.apply_server_side_encryption_by_default.kms_master_key_id': ['aws_kms_key.k'] } },
    );
    const m = model([bucket, key, sse]);
    expect(m.get('aws_s3_bucket_server_side_encryption_configuration.b')).toBeUndefined();
    const b = get(m, 'aws_s3_bucket.b');
    expect(b.attrs.sseAlgorithm).toMatchObject({ value: 'aws:kms', origin: 'explicit' });
    expect(b.attrs.kmsKeyId?.origin).toBe('unknown');
    expect(b.attrs.kmsKeyIsAwsManaged?.value).toBe(false);
    expect(b.links.kmsKey).toEqual(['aws_kms_key.k']);
  });

  it('links a facet by the literal bucket name, and the facet wins over the inline block', () => {
    const inline = rec('aws_s3_bucket.b', { ...bucketValues, versioning: [{ enabled: true, mfa_delete: false }] });
    const v = rec('aws_s3_bucket_versioning.b', { bucket: 'lincoln-records', versioning_configuration: [{ status: 'Suspended' }] });
    const b = get(model([inline, v]), 'aws_s3_bucket.b');
    expect(b.attrs.versioningEnabled).toMatchObject({ value: false, origin: 'explicit' });
  });

  it('SSE-KMS without a key id is the AWS-managed aws/s3 key; a data-source key is unknown', () => {
    const noKey = rec('aws_s3_bucket_server_side_encryption_configuration.b', { bucket: 'lincoln-records', rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] });
    expect(get(model([bucket, noKey]), 'aws_s3_bucket.b').attrs.kmsKeyIsAwsManaged).toMatchObject({ value: true, origin: 'default' });
    const dataKey = rec(
      'aws_s3_bucket_server_side_encryption_configuration.b',
      { bucket: 'lincoln-records', rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: UNKNOWN }] }] },
      { references: { 'rule.apply_server_side_encryption_by_default.kms_master_key_id': ['data.aws_kms_alias.s3'] } },
    );
    expect(get(model([bucket, dataKey]), 'aws_s3_bucket.b').attrs.kmsKeyIsAwsManaged?.origin).toBe('unknown');
  });

  it('normalises lifecycle configuration rules and detects filters', () => {
    const lc = rec('aws_s3_bucket_lifecycle_configuration.b', {
      bucket: 'lincoln-records',
      rule: [
        { id: 'all', status: 'Enabled', filter: [{ prefix: '' }], noncurrent_version_expiration: [{ noncurrent_days: 30 }], expiration: [{ expired_object_delete_marker: true, days: 0 }] },
        { id: 'tmp', status: 'Disabled', filter: [{ and: [{ prefix: 'tmp/', tags: { a: 'b' } }] }], expiration: [{ days: 7 }] },
        { id: 'later', status: 'Enabled', filter: UNKNOWN, expiration: [{ days: UNKNOWN }] },
      ],
    });
    const rules = get(model([bucket, lc]), 'aws_s3_bucket.b').attrs.lifecycleRules?.value as Array<Record<string, unknown>>;
    expect(rules[0]).toMatchObject({ id: 'all', enabled: true, filtered: false, noncurrentExpirationDays: 30, expirationDays: undefined });
    expect(rules[1]).toMatchObject({ id: 'tmp', enabled: false, filtered: true, expirationDays: 7 });
    expect(rules[2]!.filtered).toBe(UNKNOWN);
    expect(rules[2]!.expirationDays).toBe(UNKNOWN);
  });

  it('merges public access block, ACL grants, policy and logging; the log bucket gets accessLogSources', () => {
    const logs = rec('aws_s3_bucket.logs', { bucket: 'lincoln-logs', id: UNKNOWN });
    const facets = [
      rec('aws_s3_bucket_public_access_block.b', { bucket: 'lincoln-records', block_public_acls: true, ignore_public_acls: true, block_public_policy: true }),
      rec('aws_s3_bucket_acl.b', {
        bucket: 'lincoln-records',
        access_control_policy: [{ grant: [{ grantee: [{ type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers' }], permission: 'READ' }] }],
      }),
      rec('aws_s3_bucket_policy.b', { bucket: 'lincoln-records', policy: '{"Version":"2012-10-17","Statement":[]}' }),
      rec('aws_s3_bucket_logging.b', { bucket: 'lincoln-records', target_bucket: UNKNOWN }, { references: { target_bucket: ['aws_s3_bucket.logs'] } }),
    ];
    const m = model([bucket, logs, ...facets]);
    const b = get(m, 'aws_s3_bucket.b');
    expect(b.attrs.blockPublicPolicy?.value).toBe(true);
    expect(b.attrs.restrictPublicBuckets).toMatchObject({ value: false, origin: 'default' });
    expect(b.attrs.aclGrants?.value).toEqual([{ granteeType: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers', id: undefined, permission: 'READ' }]);
    expect(b.attrs.policy?.value).toEqual({ Version: '2012-10-17', Statement: [] });
    expect(b.attrs.loggingEnabled?.value).toBe(true);
    expect(b.links.loggingTarget).toEqual(['aws_s3_bucket.logs']);
    expect(get(m, 'aws_s3_bucket.logs').links.accessLogSources).toEqual(['aws_s3_bucket.b']);
    expect(m.all().filter((r) => r.mergeInto)).toEqual([]);
  });

  it('merges aws_s3_account_public_access_block into the synthetic account', () => {
    const acct = rec('aws_s3_account_public_access_block.this', { block_public_acls: true, ignore_public_acls: true, block_public_policy: true });
    const a = get(model([acct]), 'account');
    expect(a.attrs.s3BlockPublicPolicy).toMatchObject({ value: true, origin: 'explicit' });
    expect(a.attrs.s3RestrictPublicBuckets).toMatchObject({ value: false, origin: 'default' });
  });
});

describe('count and for_each instances', () => {
  it('a counted facet merges into the bucket instance with the same key (aws_s3_bucket.b[count.index].id)', () => {
    const b0 = rec('aws_s3_bucket.b[0]', { bucket: UNKNOWN, id: UNKNOWN });
    const b1 = rec('aws_s3_bucket.b[1]', { bucket: UNKNOWN, id: UNKNOWN });
    const v0 = rec('aws_s3_bucket_versioning.v[0]', { bucket: UNKNOWN, versioning_configuration: [{ status: 'Enabled' }] }, { references: { bucket: ['aws_s3_bucket.b'] } });
    const v1 = rec('aws_s3_bucket_versioning.v[1]', { bucket: UNKNOWN, versioning_configuration: [{ status: 'Suspended' }] }, { references: { bucket: ['aws_s3_bucket.b'] } });
    const m = model([b0, b1, v0, v1]);
    expect(get(m, 'aws_s3_bucket.b[0]').attrs.versioningEnabled?.value).toBe(true);
    expect(get(m, 'aws_s3_bucket.b[1]').attrs.versioningEnabled?.value).toBe(false);
  });
  it('a conditional algorithm known only after apply stays unknown (not flagged, not passed)', () => {
    const b = rec('aws_s3_bucket.b', { bucket: 'x' });
    const sse = rec('aws_s3_bucket_server_side_encryption_configuration.b', { bucket: 'x', rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: UNKNOWN }] }] });
    const got = get(model([b, sse]), 'aws_s3_bucket.b');
    expect(got.attrs.sseAlgorithm?.origin).toBe('unknown');
    expect(got.attrs.kmsKeyIsAwsManaged?.origin).toBe('unknown');
  });
});
