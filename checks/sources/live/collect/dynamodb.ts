import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetResourcePolicyCommand,
  ListTagsOfResourceCommand,
  paginateListTables,
} from '@aws-sdk/client-dynamodb';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, tagMap, type Collector } from './context.js';

/**
 * DynamoDB: tables with their description (encryption, deletion protection, replicas), continuous backups, time to
 * live, tags and resource policies: the table's (`resourcePolicy`) and, when the table has a stream, the stream's
 * (`streamResourcePolicy`); `null` when there is none (PolicyNotFoundException). One call each: no batch read exists.
 */
export async function collectDynamoDb(c: Collector, region: string): Promise<void> {
  const client = c.client(DynamoDBClient, region);
  const names = await listAll(c, 'dynamodb', region, 'dynamodb:ListTables', ['AWS::DynamoDB::Table'], () => items(paginateListTables({ client }, {}), (p) => p.TableNames));
  await Promise.all(
    (names ?? []).map(async (name) => {
      const arn = c.arn('dynamodb', region, `table/${name}`);
      const rec: SnapshotResource = { type: 'AWS::DynamoDB::Table', arn, region, account: c.accountId, data: { TableName: name } };
      const described = await c.read('dynamodb', region, 'dynamodb:DescribeTable', () => client.send(new DescribeTableCommand({ TableName: name })));
      facet(rec, 'Table', described, (v) => v.Table ?? {});
      const policyOf = (resourceArn: string) => c.read('dynamodb', region, 'dynamodb:GetResourcePolicy', () => client.send(new GetResourcePolicyCommand({ ResourceArn: resourceArn })));
      facet(rec, 'resourcePolicy', await policyOf(arn), (v) => v.Policy ?? null);
      const stream = described.ok && described.value.Table?.StreamSpecification?.StreamEnabled ? described.value.Table.LatestStreamArn : undefined;
      if (stream) facet(rec, 'streamResourcePolicy', await policyOf(stream), (v) => v.Policy ?? null);
      facet(rec, 'continuousBackups', await c.read('dynamodb', region, 'dynamodb:DescribeContinuousBackups', () => client.send(new DescribeContinuousBackupsCommand({ TableName: name }))), (v) => v.ContinuousBackupsDescription ?? {});
      facet(rec, 'ttl', await c.read('dynamodb', region, 'dynamodb:DescribeTimeToLive', () => client.send(new DescribeTimeToLiveCommand({ TableName: name }))), (v) => v.TimeToLiveDescription ?? {});
      facet(rec, 'tags', await c.read('dynamodb', region, 'dynamodb:ListTagsOfResource', () => client.send(new ListTagsOfResourceCommand({ ResourceArn: arn }))), (v) => tagMap(v.Tags));
      c.add(rec);
    }),
  );
}
