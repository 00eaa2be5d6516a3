import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../../checks/model/value.js';
import type { SnapshotResource } from '../../../checks/sources/live/snapshot.js';
import { evaluateSnapshot, model, rec, statusAt, verdicts } from '../../helpers/policy-tester.js';
import { snapshot, trail as liveTrail } from '../../live/records.js';

// aws-cloudtrail-dynamodb-data-events: before it, a student-data DynamoDB table whose item reads no trail recorded
// passed every audit policy: management events name who changed the table, never who read whose items.
const ID = 'aws-cloudtrail-dynamodb-data-events';
const T = 'aws_dynamodb_table.sessions';
const table = (extra: Record<string, unknown> = {}, region = 'us-east-1') => rec(T, { name: 'sis-sessions', arn: UNKNOWN, tags: { DataClassification: 'student-data' }, ...extra }, { region });
const trail = (v: Record<string, unknown>, refs: Record<string, string[]> = {}, region = 'us-east-1') =>
  rec('aws_cloudtrail.t', { name: 't', s3_bucket_name: 'lincoln-trail', is_multi_region_trail: true, ...v }, { references: refs, region });
const basic = (values: unknown[], rw = 'All') => ({ event_selector: [{ read_write_type: rw, data_resource: [{ type: 'AWS::DynamoDB::Table', values }] }] });

describe('aws-cloudtrail-dynamodb-data-events in Terraform', () => {
  it('passes a table named by reference with reads and writes; fails reads only; every table passes', () => {
    expect(verdicts(ID, model([table(), trail(basic([UNKNOWN]), { 'event_selector.data_resource.values': [T] })]))[T]).toBe('pass');
    expect(verdicts(ID, model([table(), trail(basic([UNKNOWN], 'ReadOnly'), { 'event_selector.data_resource.values': [T] })]))[T]).toBe('fail');
    expect(verdicts(ID, model([table(), trail(basic(['arn:aws:dynamodb']))]))[T]).toBe('pass');
  });

  it('matches a literal ARN by the table name in its Region, not another table or Region', () => {
    expect(verdicts(ID, model([table(), trail(basic(['arn:aws:dynamodb:us-east-1:111122223333:table/sis-sessions']))]))[T]).toBe('pass');
    expect(verdicts(ID, model([table(), trail(basic(['arn:aws:dynamodb:us-east-1:111122223333:table/sis-rosters']))]))[T]).toBe('fail');
    expect(verdicts(ID, model([table(), trail(basic(['arn:aws:dynamodb:us-west-2:111122223333:table/sis-sessions']))]))[T]).toBe('fail');
  });

  it('no trail in the configuration is unknown; S3 data events only, or a trail that is not logging, fail; out-of-scope tables are not judged', () => {
    expect(verdicts(ID, model([table()]))[T]).toBe('unknown');
    expect(verdicts(ID, model([table(), trail({ event_selector: [{ data_resource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] }] })]))[T]).toBe('fail');
    expect(verdicts(ID, model([table(), trail({ ...basic(['arn:aws:dynamodb']), enable_logging: false })]))[T]).toBe('fail');
    expect(verdicts(ID, model([table({ tags: { DataClassification: 'internal' } }), trail(basic(['arn:aws:dynamodb']))]))[T]).toBeUndefined();
  });

  it('a single-Region trail records no table of another Region', () => {
    expect(verdicts(ID, model([table({}, 'us-west-2'), trail({ ...basic(['arn:aws:dynamodb']), is_multi_region_trail: false })]))[T]).toBe('fail');
    expect(verdicts(ID, model([table({}, 'us-west-2'), trail(basic(['arn:aws:dynamodb']))]))[T]).toBe('pass');
  });

  it('a DynamoDB selector known only after apply leaves the S3 verdicts as they are (a bucket it does not name fails)', () => {
    const B = 'aws_s3_bucket.exports';
    const bucket = rec(B, { bucket: 'exports', arn: UNKNOWN, tags: { DataClassification: 'student-data' } });
    const selectors = { event_selector: [{ read_write_type: 'All', data_resource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::backups/'] }, { type: 'AWS::DynamoDB::Table', values: [UNKNOWN] }] }] };
    // (a computed value's references reach what it came from too: here the key the table ARN's module also made)
    const backups = rec('aws_s3_bucket.backups', { bucket: 'backups', tags: { DataClassification: 'student-data' } });
    const m = model([bucket, backups, table(), rec('aws_kms_key.k', {}), trail(selectors, { 'event_selector.data_resource.values': [T, 'aws_kms_key.k'] })]);
    expect(verdicts('aws-cloudtrail-s3-data-events', m)).toMatchObject({ [B]: 'fail', 'aws_s3_bucket.backups': 'pass' });
    expect(verdicts(ID, m)[T]).toBe('pass');
  });

  it('a selector reference that reaches a bucket key, not a table, leaves the table judged (not unknown)', () => {
    // a bucket ARN computed from a key: its references reach the key, which names no table
    const selectors = { event_selector: [{ data_resource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::lincoln-records/'] }] }] };
    expect(verdicts(ID, model([table(), rec('aws_kms_key.k', {}), trail(selectors, { 'event_selector.data_resource.values': ['aws_kms_key.k'] })]))[T]).toBe('fail');
  });
});

describe('aws-cloudtrail-dynamodb-data-events live', () => {
  const TABLE = 'arn:aws:dynamodb:us-east-1:111122223333:table/sis-sessions';
  const liveTable: SnapshotResource = { type: 'AWS::DynamoDB::Table', arn: TABLE, region: 'us-east-1', account: '111122223333', data: { TableName: 'sis-sessions', Table: { TableName: 'sis-sessions', TableArn: TABLE }, tags: { DataClassification: 'student-data' } } };
  const withSelectors = (EventSelectors: unknown[], AdvancedEventSelectors: unknown[] = []) => statusAt(evaluateSnapshot(snapshot([liveTable, liveTrail({ eventSelectors: { EventSelectors, AdvancedEventSelectors } })]), 'snapshot.json', [ID]), ID, TABLE);
  const advanced = (...FieldSelectors: unknown[]) => [{ Name: 'ddb', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] }, ...FieldSelectors] }];

  it('every table (arn:aws:dynamodb, or an advanced selector without an ARN field) and the table by ARN pass', () => {
    expect(withSelectors([{ ReadWriteType: 'All', DataResources: [{ Type: 'AWS::DynamoDB::Table', Values: ['arn:aws:dynamodb'] }] }])).toBe('pass');
    expect(withSelectors([], advanced())).toBe('pass');
    expect(withSelectors([], advanced({ Field: 'resources.ARN', Equals: [TABLE] }))).toBe('pass');
  });

  it('another table, reads only, or only S3 and management events fail', () => {
    expect(withSelectors([], advanced({ Field: 'resources.ARN', Equals: [TABLE.replace('sessions', 'rosters')] }))).toBe('fail');
    expect(withSelectors([], advanced({ Field: 'resources.ARN', Equals: [TABLE] }, { Field: 'readOnly', Equals: ['true'] }))).toBe('fail');
    expect(withSelectors([{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }])).toBe('fail');
  });
});
