import { describe, expect, it } from 'vitest';
import { isAwsManagedKeyRef } from '../../checks/adapters/shared/kms-keys.js';
import { UNKNOWN } from '../../checks/model/value.js';
import { get, model, rec } from '../helpers/policy-tester.js';

describe('aws_kms_key and aws_kms_alias', () => {
  it('fills provider defaults: rotation off, 30-day window, default key policy, symmetric encrypt key', () => {
    const k = get(model([rec('aws_kms_key.k', { description: 'x', policy: UNKNOWN, arn: UNKNOWN }, { configured: ['description'] })]), 'aws_kms_key.k');
    expect(k.attrs.customerManaged?.value).toBe(true);
    expect(k.attrs.rotationEnabled).toMatchObject({ value: false, origin: 'default' });
    expect(k.attrs.rotationPeriodDays?.value).toBeUndefined();
    expect(k.attrs.deletionWindowDays).toMatchObject({ value: 30, origin: 'default' });
    expect(k.attrs.keyUsage?.value).toBe('ENCRYPT_DECRYPT');
    expect(k.attrs.keySpec?.value).toBe('SYMMETRIC_DEFAULT');
    // A plan shows the computed policy as known after apply; not configured, it is the AWS default key policy.
    expect(k.attrs.keyPolicy).toMatchObject({ value: undefined, origin: 'default' });
    // Written in the configuration but known only after apply: unknown.
    const w = get(model([rec('aws_kms_key.w', { policy: UNKNOWN }, { configured: ['policy'] })]), 'aws_kms_key.w');
    expect(w.attrs.keyPolicy?.origin).toBe('unknown');
  });

  it('uses the 365-day AWS period when rotation is on without a period; parses the key policy', () => {
    const k = get(model([rec('aws_kms_key.k', { enable_key_rotation: true, policy: '{"Statement":[{"Effect":"Allow","Principal":"*"}]}' })]), 'aws_kms_key.k');
    expect(k.attrs.rotationPeriodDays).toMatchObject({ value: 365, origin: 'default' });
    expect(k.attrs.keyPolicy?.value).toEqual({ Statement: [{ Effect: 'Allow', Principal: '*' }] });
  });

  it('alias facets add their names to the key and make alias references and literals reach the key', () => {
    const key = rec('aws_kms_key.k', { key_id: UNKNOWN, arn: UNKNOWN });
    const a1 = rec('aws_kms_alias.a', { name: 'alias/records', target_key_id: UNKNOWN }, { references: { target_key_id: ['aws_kms_key.k'] } });
    const a2 = rec('aws_kms_alias.b', { name: 'alias/records-2', target_key_id: UNKNOWN }, { references: { target_key_id: ['aws_kms_key.k'] } });
    const byRef = rec('aws_cloudwatch_log_group.g', { name: 'g', kms_key_id: UNKNOWN }, { references: { kms_key_id: ['aws_kms_alias.a'] } });
    const byLiteral = rec('aws_cloudtrail.t', { name: 't', s3_bucket_name: 'x', kms_key_id: 'alias/records-2' });
    const m = model([key, a1, a2, byRef, byLiteral]);
    expect(m.get('aws_kms_alias.a')).toBeUndefined();
    expect(get(m, 'aws_kms_key.k').attrs.aliases?.value).toEqual(['alias/records', 'alias/records-2']);
    expect(get(m, 'aws_cloudwatch_log_group.g').links.kmsKey).toEqual(['aws_kms_key.k']);
    expect(get(m, 'aws_cloudtrail.t').links.kmsKey).toEqual(['aws_kms_key.k']);
  });

  it('recognises AWS-managed key references', () => {
    expect(isAwsManagedKeyRef('alias/aws/s3')).toBe(true);
    expect(isAwsManagedKeyRef('arn:aws:kms:us-east-1:111122223333:alias/aws/rds')).toBe(true);
    expect(isAwsManagedKeyRef('arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/logs')).toBe(true);
    expect(isAwsManagedKeyRef('alias/awsome')).toBe(false);
    expect(isAwsManagedKeyRef('arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab')).toBe(false);
  });
});

describe('aws_cloudtrail', () => {
  it('fills provider defaults (single region, no validation, logging on) and links bucket, key and log group', () => {
    const bucket = rec('aws_s3_bucket.trail', { bucket: 'lincoln-trail', id: UNKNOWN });
    const lg = rec('aws_cloudwatch_log_group.trail', { name: '/aws/cloudtrail/main', arn: UNKNOWN });
    const t = rec('aws_cloudtrail.main', {
      name: 'main',
      s3_bucket_name: 'lincoln-trail',
      cloud_watch_logs_group_arn: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/cloudtrail/main:*',
    });
    const m = model([bucket, lg, t]);
    const tr = get(m, 'aws_cloudtrail.main');
    expect(tr.attrs.isMultiRegion).toMatchObject({ value: false, origin: 'default' });
    expect(tr.attrs.logFileValidation).toMatchObject({ value: false, origin: 'default' });
    expect(tr.attrs.enableLogging).toMatchObject({ value: true, origin: 'default' });
    expect(tr.attrs.includeGlobalServiceEvents?.value).toBe(true);
    expect(tr.attrs.dataEvents?.value).toEqual([]);
    expect(tr.attrs.s3DataEventsAllBuckets?.value).toBe(false);
    expect(tr.links.bucket).toEqual(['aws_s3_bucket.trail']);
    expect(tr.links.cloudWatchLogsGroup).toEqual(['aws_cloudwatch_log_group.trail']);
    expect(get(m, 'aws_s3_bucket.trail').links.trails).toEqual(['aws_cloudtrail.main']);
    expect(get(m, 'aws_cloudwatch_log_group.trail').links.trails).toEqual(['aws_cloudtrail.main']);
  });

  it('normalises basic event selectors and links named buckets (unknown values from bucket references are not "all buckets")', () => {
    const bucket = rec('aws_s3_bucket.records', { bucket: 'lincoln-records', arn: UNKNOWN });
    const other = rec('aws_s3_bucket.other', { bucket: 'lincoln-other' });
    const t = rec(
      'aws_cloudtrail.main',
      {
        name: 'main',
        s3_bucket_name: 'x',
        event_selector: [
          { read_write_type: 'All', include_management_events: true, data_resource: [{ type: 'AWS::S3::Object', values: [UNKNOWN, 'arn:aws:s3:::lincoln-other/uploads/'] }] },
        ],
      },
      { references: { 'event_selector.data_resource.values': ['aws_s3_bucket.records'] } },
    );
    const m = model([bucket, other, t]);
    const tr = get(m, 'aws_cloudtrail.main');
    expect(tr.attrs.dataEvents?.value).toEqual([
      { resourceType: 'AWS::S3::Object', arnPrefixes: [UNKNOWN, 'arn:aws:s3:::lincoln-other/uploads/'], allResources: false, readWriteType: 'All', source: 'event_selector' },
    ]);
    expect(new Set(tr.links.dataEventBuckets)).toEqual(new Set(['aws_s3_bucket.records', 'aws_s3_bucket.other']));
    expect(get(m, 'aws_s3_bucket.records').links.dataEventTrails).toEqual(['aws_cloudtrail.main']);
  });

  it('reads advanced event selectors: S3 data events on every bucket, read and write', () => {
    const t = rec('aws_cloudtrail.main', {
      name: 'main',
      s3_bucket_name: 'x',
      advanced_event_selector: [
        { name: 'mgmt', field_selector: [{ field: 'eventCategory', equals: ['Management'] }] },
        { name: 's3', field_selector: [{ field: 'eventCategory', equals: ['Data'] }, { field: 'resources.type', equals: ['AWS::S3::Object'] }] },
      ],
    });
    const tr = get(model([t]), 'aws_cloudtrail.main');
    expect(tr.attrs.dataEvents?.value).toEqual([{ resourceType: 'AWS::S3::Object', arnPrefixes: [], allResources: true, readWriteType: 'All', source: 'advanced_event_selector' }]);
    expect(tr.attrs.s3DataEventsAllBuckets?.value).toBe(true);
  });

  it('an advanced selector for reads only does not cover all S3 data events; an unknown selector stays unknown', () => {
    const ro = rec('aws_cloudtrail.ro', {
      name: 'ro',
      s3_bucket_name: 'x',
      advanced_event_selector: [{ field_selector: [{ field: 'eventCategory', equals: ['Data'] }, { field: 'resources.type', equals: ['AWS::S3::Object'] }, { field: 'readOnly', equals: ['true'] }] }],
    });
    const unk = rec('aws_cloudtrail.unk', { name: 'unk', s3_bucket_name: 'x', event_selector: UNKNOWN });
    const m = model([ro, unk]);
    expect(get(m, 'aws_cloudtrail.ro').attrs.s3DataEventsAllBuckets?.value).toBe(false);
    expect(get(m, 'aws_cloudtrail.unk').attrs.dataEvents?.origin).toBe('unknown');
    expect(get(m, 'aws_cloudtrail.unk').attrs.s3DataEventsAllBuckets?.origin).toBe('unknown');
  });

  it('every trail is linked from the account', () => {
    const m = model([rec('aws_cloudtrail.a', { name: 'a', s3_bucket_name: 'x' }), rec('aws_cloudtrail.b', { name: 'b', s3_bucket_name: 'x' })]);
    expect(get(m, 'account').links.trails).toEqual(['aws_cloudtrail.a', 'aws_cloudtrail.b']);
  });
});

describe('aws_cloudwatch_log_group', () => {
  it('retention absent is 0 = never expire (provider default); unknown retention stays unknown', () => {
    const m = model([
      rec('aws_cloudwatch_log_group.a', { name: '/ecs/api', retention_in_days: null }),
      rec('aws_cloudwatch_log_group.b', { name: '/ecs/b', retention_in_days: UNKNOWN, tags: { DataClass: 'PII' } }),
      rec('aws_cloudwatch_log_group.c', { name: '/ecs/c', retention_in_days: 30 }),
    ]);
    expect(get(m, 'aws_cloudwatch_log_group.a').attrs.retentionDays).toMatchObject({ value: 0, origin: 'default' });
    expect(get(m, 'aws_cloudwatch_log_group.a').attrs.neverExpires?.value).toBe(true);
    expect(get(m, 'aws_cloudwatch_log_group.b').attrs.retentionDays?.origin).toBe('unknown');
    expect(get(m, 'aws_cloudwatch_log_group.b').attrs.neverExpires?.origin).toBe('unknown');
    expect(get(m, 'aws_cloudwatch_log_group.b').attrs.dataClass?.value).toBe('pii');
    expect(get(m, 'aws_cloudwatch_log_group.c').attrs.neverExpires?.value).toBe(false);
    expect(get(m, 'aws_cloudwatch_log_group.a').identifiers).toContain('/ecs/api');
  });
});

describe('other customer-managed key types', () => {
  it('imported-material and replica keys are customer-managed, marked so the rotation policy skips them', () => {
    const m = model([
      rec('aws_kms_external_key.imp', { deletion_window_in_days: 7 }),
      rec('aws_kms_replica_key.rep', { primary_key_arn: UNKNOWN }, { references: { primary_key_arn: ['aws_kms_key.primary'] } }),
      rec('aws_kms_key.primary', { multi_region: true, enable_key_rotation: true }),
      rec('aws_kms_key.hsm', { custom_key_store_id: 'cks-1234567890abcdef0' }),
    ]);
    expect(get(m, 'aws_kms_external_key.imp').attrs.keyOrigin?.value).toBe('EXTERNAL');
    expect(get(m, 'aws_kms_external_key.imp').attrs.deletionWindowDays?.value).toBe(7);
    expect(get(m, 'aws_kms_replica_key.rep').attrs.replica?.value).toBe(true);
    expect(get(m, 'aws_kms_replica_key.rep').links.primaryKey).toEqual(['aws_kms_key.primary']);
    expect(get(m, 'aws_kms_key.hsm').attrs.keyOrigin?.value).toBe('AWS_CLOUDHSM');
    expect(get(m, 'aws_kms_key.primary').attrs.keyOrigin?.value).toBe('AWS_KMS');
  });
});
