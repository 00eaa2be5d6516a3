import { describe, expect, it } from 'vitest';
import { expandCompactLive } from '../../../checks/authoring/live-fixture.js';
import { expandCompactPlan } from '../../../checks/authoring/plan-fixture.js';
import type { Finding } from '../../../checks/engine/types.js';
import { scanText } from '../../helpers/scan-file.js';

// aws-dynamodb-no-public-policy and aws-kinesis-stream-no-public-policy beyond their fixtures: every resource policy
// of a store counts (a table's and its stream's, a stream's and its consumers'), a literal stream or consumer ARN
// finds its store, a policy known only after apply is judged from its policy document only when that can be told,
// and a live policy that failed or was never read is no pass.

const TABLE = 'aws-dynamodb-no-public-policy';
const STREAM = 'aws-kinesis-stream-no-public-policy';
const open = (action: string) => `jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = "*", Action = "${action}", Resource = "*" }] })`;
const named = (action: string) => `jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:role/api" }, Action = "${action}", Resource = "*" }] })`;

async function statuses(policy: string, name: string, text: string): Promise<Record<string, string>> {
  const findings: Finding[] = (await scanText(name, text)).filter((f) => f.policyId === policy);
  return Object.fromEntries(findings.map((f) => [f.resource.address ?? f.resource.arn, f.status]));
}

describe('DynamoDB resource policies in HCL', () => {
  it('judges every policy of a table: a public one fails it whichever is written last', async () => {
    const hcl = (first: string, second: string) => `resource "aws_dynamodb_table" "t" {
  name     = "sis-sessions"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
  stream_enabled   = true
  stream_view_type = "KEYS_ONLY"
}
resource "aws_dynamodb_resource_policy" "a" {
  resource_arn = aws_dynamodb_table.t.arn
  policy       = ${first}
}
resource "aws_dynamodb_resource_policy" "b" {
  resource_arn = aws_dynamodb_table.t.stream_arn
  policy       = ${second}
}
`;
    expect(await statuses(TABLE, 'main.tf', hcl(open('dynamodb:GetItem'), named('dynamodb:GetRecords')))).toEqual({ 'aws_dynamodb_table.t': 'fail' });
    expect(await statuses(TABLE, 'main.tf', hcl(named('dynamodb:GetItem'), open('dynamodb:GetRecords')))).toEqual({ 'aws_dynamodb_table.t': 'fail' });
    expect(await statuses(TABLE, 'main.tf', hcl(named('dynamodb:GetItem'), named('dynamodb:GetRecords')))).toEqual({ 'aws_dynamodb_table.t': 'pass' });
  });

  it('finds the table of a literal stream ARN, and fails a public policy written with data.aws_iam_policy_document', async () => {
    const found = await statuses(
      TABLE,
      'main.tf',
      `resource "aws_dynamodb_table" "existing" {
  name     = "sis-rosters"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
}
resource "aws_dynamodb_resource_policy" "stream" {
  resource_arn = "arn:aws:dynamodb:us-east-1:111122223333:table/sis-rosters/stream/2026-11-02T08:15:00.000"
  policy       = ${open('dynamodb:GetRecords')}
}
data "aws_iam_policy_document" "anyone" {
  statement {
    actions   = ["dynamodb:Query"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}
resource "aws_dynamodb_table" "documented" {
  name     = "sis-grades"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
}
resource "aws_dynamodb_resource_policy" "documented" {
  resource_arn = aws_dynamodb_table.documented.arn
  policy       = data.aws_iam_policy_document.anyone.json
}
`,
    );
    expect(found).toEqual({ 'aws_dynamodb_table.existing': 'fail', 'aws_dynamodb_table.documented': 'fail' });
  });
});

describe('Kinesis resource policies in HCL', () => {
  it('counts a consumer\'s policy written with its literal ARN against the stream', async () => {
    const found = await statuses(
      STREAM,
      'main.tf',
      `resource "aws_kinesis_stream" "events" {
  name        = "sis-attendance-events"
  shard_count = 1
}
resource "aws_kinesis_resource_policy" "consumer" {
  resource_arn = "arn:aws:kinesis:us-east-1:111122223333:stream/sis-attendance-events/consumer/analytics:1730000000"
  policy       = ${open('kinesis:SubscribeToShard')}
}
`,
    );
    expect(found).toEqual({ 'aws_kinesis_stream.events': 'fail' });
  });

  it('counts a consumer\'s policy written against the aws_kinesis_stream_consumer against its stream', async () => {
    const found = await scanText(
      'main.tf',
      `resource "aws_kinesis_stream" "events" {
  name        = "sis-attendance-events"
  shard_count = 1
}
resource "aws_kinesis_stream_consumer" "analytics" {
  name       = "analytics"
  stream_arn = aws_kinesis_stream.events.arn
}
resource "aws_kinesis_resource_policy" "consumer" {
  resource_arn = aws_kinesis_stream_consumer.analytics.arn
  policy       = ${open('kinesis:SubscribeToShard')}
}
`,
    );
    expect(Object.fromEntries(found.filter((f) => f.policyId === STREAM).map((f) => [f.resource.address, f.status]))).toEqual({ 'aws_kinesis_stream.events': 'fail' });
    // the consumer and its policy are judged as parts of the stream, not reported as outside the input
    expect(found.some((f) => f.policyId === STREAM && f.resource.address !== 'aws_kinesis_stream.events')).toBe(false);
  });
});

describe('resource policies known only after apply (plan)', () => {
  const plan = (policies: Array<{ name: string; doc?: string }>) =>
    JSON.stringify(
      expandCompactPlan(
        {
          resources: [
            { address: 'aws_dynamodb_table.t', values: { name: 'sis-sessions', hash_key: 'id' }, unknown: ['arn', 'id', 'stream_arn'] },
            { address: 'data.aws_iam_policy_document.anyone', values: { statement: [{ effect: 'Allow', actions: ['dynamodb:GetItem'], resources: ['*'], principals: [{ type: 'AWS', identifiers: ['*'] }] }] }, unknown: ['json', 'id'] },
            ...policies.map((p) => ({
              address: `aws_dynamodb_resource_policy.${p.name}`,
              values: p.doc ? { policy: p.doc } : {},
              unknown: ['id', 'resource_arn', 'revision_id', ...(p.doc ? [] : ['policy'])],
              references: { resource_arn: ['aws_dynamodb_table.t.arn', 'aws_dynamodb_table.t'], ...(p.doc ? {} : { policy: ['data.aws_iam_policy_document.anyone.json', 'data.aws_iam_policy_document.anyone'] }) },
            })),
          ],
        },
        'plan.yaml',
      ),
    );

  it('judges the one deferred policy from its document, and leaves a deferred one beside another policy unknown', async () => {
    expect(await statuses(TABLE, 'plan.json', plan([{ name: 'only' }]))).toEqual({ 'aws_dynamodb_table.t': 'fail' });
    const named = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/api' }, Action: 'dynamodb:GetItem', Resource: '*' }] });
    expect(await statuses(TABLE, 'plan.json', plan([{ name: 'known', doc: named }, { name: 'deferred' }]))).toEqual({ 'aws_dynamodb_table.t': 'unknown' });
  });
});

describe('resource policies live', () => {
  const tableArn = 'arn:aws:dynamodb:us-east-1:111122223333:table/sis-sessions';
  const streamArn = 'arn:aws:kinesis:us-east-1:111122223333:stream/sis-events';
  const live = (type: string, arn: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    JSON.stringify(expandCompactLive({ account: '111122223333', regions: ['us-east-1'], resources: { [type]: [{ arn, data, ...extra }] } } as never, 'test'));
  const failed = (call: string) => ({ code: 'AccessDeniedException', message: `not authorized to ${call}`, call });

  it('is an error when a policy read failed, and unknown when the snapshot never read one', async () => {
    const table = { TableName: 'sis-sessions', Table: { TableName: 'sis-sessions', TableArn: tableArn } };
    expect(await statuses(TABLE, 'snapshot.json', live('AWS::DynamoDB::Table', tableArn, table, { errors: { resourcePolicy: failed('dynamodb:GetResourcePolicy') } }))).toEqual({ [tableArn]: 'error' });
    expect(await statuses(TABLE, 'snapshot.json', live('AWS::DynamoDB::Table', tableArn, table))).toEqual({ [tableArn]: 'unknown' });
    // a table with a stream whose policy was never read is not judged by the table's policy alone
    const streamed = { ...table, Table: { ...table.Table, StreamSpecification: { StreamEnabled: true } }, resourcePolicy: null };
    expect(await statuses(TABLE, 'snapshot.json', live('AWS::DynamoDB::Table', tableArn, streamed))).toEqual({ [tableArn]: 'unknown' });
    expect(await statuses(TABLE, 'snapshot.json', live('AWS::DynamoDB::Table', tableArn, { ...streamed, streamResourcePolicy: null }))).toEqual({ [tableArn]: 'pass' });
  });

  it('is an error when a stream\'s consumers could not be listed', async () => {
    const stream = { StreamName: 'sis-events', StreamDescriptionSummary: { StreamName: 'sis-events' }, resourcePolicy: null };
    expect(await statuses(STREAM, 'snapshot.json', live('AWS::Kinesis::Stream', streamArn, stream, { errors: { consumerPolicies: failed('kinesis:ListStreamConsumers') } }))).toEqual({ [streamArn]: 'error' });
    expect(await statuses(STREAM, 'snapshot.json', live('AWS::Kinesis::Stream', streamArn, { ...stream, consumerPolicies: [] }))).toEqual({ [streamArn]: 'pass' });
  });
});

describe('resource policies that are no policy document', () => {
  it('is unknown, never a pass, for a policy that is not JSON text of a document (plan and live)', async () => {
    const plan = JSON.stringify(
      expandCompactPlan(
        {
          resources: [
            { address: 'aws_dynamodb_table.t', values: { name: 'sis-sessions', hash_key: 'id' }, unknown: ['arn', 'id'] },
            { address: 'aws_dynamodb_resource_policy.p', values: { policy: 42 }, unknown: ['id', 'resource_arn'], references: { resource_arn: ['aws_dynamodb_table.t.arn', 'aws_dynamodb_table.t'] } },
          ],
        },
        'plan.yaml',
      ),
    );
    expect(await statuses(TABLE, 'plan.json', plan)).toEqual({ 'aws_dynamodb_table.t': 'unknown' });
    const arn = 'arn:aws:kinesis:us-east-1:111122223333:stream/sis-events';
    const snapshot = expandCompactLive(
      { account: '111122223333', regions: ['us-east-1'], resources: { 'AWS::Kinesis::Stream': [{ arn, data: { StreamName: 'sis-events', resourcePolicy: '{"Statement": [', consumerPolicies: [] } }] } } as never,
      'test',
    );
    expect(await statuses(STREAM, 'snapshot.json', JSON.stringify(snapshot))).toEqual({ [arn]: 'unknown' });
  });
});
