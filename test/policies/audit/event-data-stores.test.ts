import { describe, expect, it } from 'vitest';
import { expandCompactLive } from '../../../checks/authoring/live-fixture.js';
import { scanText } from '../../helpers/scan-file.js';

// CloudTrail Lake: an event data store records the data events its advanced selectors choose, as a trail does. A
// stack that records its buckets' and tables' reads and writes only into an event data store used to fail
// aws-cloudtrail-s3-data-events and aws-cloudtrail-dynamodb-data-events (the stores were not read at all). Now the
// stores count from Terraform and from the live account alike; a stopped or suspended store records nothing, and
// one that could not be read makes the verdict `error` unless a trail or another store records the resource.

const S3 = 'aws-cloudtrail-s3-data-events';
const DDB = 'aws-cloudtrail-dynamodb-data-events';

const verdicts = async (name: string, text: string) =>
  Object.fromEntries((await scanText(name, text)).filter((f) => f.policyId === S3 || f.policyId === DDB).map((f) => [`${f.policyId} ${f.resource.address ?? f.resource.arn}`, f.status]));

const STORES = `resource "aws_s3_bucket" "records" {
  bucket = "lincoln-usd-student-records"
  tags   = { DataClassification = "student-data" }
}
resource "aws_dynamodb_table" "sessions" {
  name         = "sessions"
  hash_key     = "id"
  billing_mode = "PAY_PER_REQUEST"
  attribute {
    name = "id"
    type = "S"
  }
  tags = { DataClassification = "student-data" }
}
`;

const lake = (suspend: string) => `resource "aws_cloudtrail_event_data_store" "lake" {
  name = "district-audit"
${suspend}
  advanced_event_selector {
    name = "student records"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }
  advanced_event_selector {
    name = "sessions table"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::DynamoDB::Table"]
    }
    field_selector {
      field  = "resources.ARN"
      equals = [aws_dynamodb_table.sessions.arn]
    }
  }
}
`;

describe('CloudTrail Lake event data stores record data events', () => {
  it('HCL: a store selecting every bucket and, by reference, the table: both pass', async () => {
    expect(await verdicts('main.tf', STORES + lake(''))).toEqual({ [`${S3} aws_s3_bucket.records`]: 'pass', [`${DDB} aws_dynamodb_table.sessions`]: 'pass' });
  });

  it('HCL: a suspended store records nothing: both fail (the configuration has a recorder, and it records neither)', async () => {
    expect(await verdicts('main.tf', STORES + lake('  suspend = "true"'))).toEqual({ [`${S3} aws_s3_bucket.records`]: 'fail', [`${DDB} aws_dynamodb_table.sessions`]: 'fail' });
  });

  const bucketArn = 'arn:aws:s3:::lincoln-usd-student-records';
  const live = (store: Record<string, unknown>, trail?: Record<string, unknown>, errors?: Record<string, unknown>) =>
    JSON.stringify(
      expandCompactLive(
        {
          account: '111122223333',
          regions: ['us-east-1'],
          resources: {
            'AWS::S3::Bucket': [{ arn: bucketArn, data: { Name: 'lincoln-usd-student-records', Tags: { DataClassification: 'student-data' } } }],
            'AWS::CloudTrail::EventDataStore': [{ arn: 'arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', data: { Name: 'district-audit', ...store }, ...(errors ? { errors } : {}) }],
            ...(trail ? { 'AWS::CloudTrail::Trail': [trail] } : {}),
          },
        } as never,
        'test',
      ),
    );
  const selectors = [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }, { Field: 'resources.ARN', StartsWith: [`${bucketArn}/`] }] }];

  it('live: an ingesting store (GetEventDataStore Status ENABLED) that names the bucket passes; a stopped one fails', async () => {
    const on = await verdicts('snapshot.json', live({ detail: { Status: 'ENABLED', MultiRegionEnabled: true, AdvancedEventSelectors: selectors } }));
    expect(on[`${S3} ${bucketArn}`]).toBe('pass');
    const off = await verdicts('snapshot.json', live({ detail: { Status: 'STOPPED_INGESTION', MultiRegionEnabled: true, AdvancedEventSelectors: selectors } }));
    expect(off[`${S3} ${bucketArn}`]).toBe('fail');
  });

  it('live: a store that could not be read is an error, unless a trail records the bucket', async () => {
    const denied = { detail: { code: 'AccessDeniedException', message: 'not authorized to perform cloudtrail:GetEventDataStore', call: 'cloudtrail:GetEventDataStore' } };
    expect((await verdicts('snapshot.json', live({}, undefined, denied)))[`${S3} ${bucketArn}`]).toBe('error');
    // a record without its detail (neither read nor failed) is unknown, never a store that records nothing
    expect((await verdicts('snapshot.json', live({})))[`${S3} ${bucketArn}`]).toBe('unknown');
    const trail = {
      arn: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail',
      data: {
        Name: 'org-trail',
        IsMultiRegionTrail: true,
        HomeRegion: 'us-east-1',
        status: { IsLogging: true },
        eventSelectors: { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }], AdvancedEventSelectors: [] },
      },
    };
    expect((await verdicts('snapshot.json', live({}, trail, denied)))[`${S3} ${bucketArn}`]).toBe('pass');
  });
});
