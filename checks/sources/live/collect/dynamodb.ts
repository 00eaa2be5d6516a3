import { DescribeContinuousBackupsCommand, DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient, ListTagsOfResourceCommand, paginateListTables } from '@aws-sdk/client-dynamodb';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, tagMap, type Collector } from './context.js';

/** DynamoDB: tables with their description (encryption, deletion protection, replicas), continuous backups, time to live and tags. */
export async function collectDynamoDb(c: Collector, region: string): Promise<void> {
  const client = c.client(DynamoDBClient, region);
  const names = await listAll(c, 'dynamodb', region, 'dynamodb:ListTables', ['AWS::DynamoDB::Table'], () => items(paginateListTables({ client }, {}), (p) => p.TableNames));
  await Promise.all(
    (names ?? []).map(async (name) => {
      const arn = c.arn('dynamodb', region, `table/${name}`);
      const rec: SnapshotResource = { type: 'AWS::DynamoDB::Table', arn, region, account: c.accountId, data: { TableName: name } };
      facet(rec, 'Table', await c.read('dynamodb', region, 'dynamodb:DescribeTable', () => client.send(new DescribeTableCommand({ TableName: name }))), (v) => v.Table ?? {});
      facet(rec, 'continuousBackups', await c.read('dynamodb', region, 'dynamodb:DescribeContinuousBackups', () => client.send(new DescribeContinuousBackupsCommand({ TableName: name }))), (v) => v.ContinuousBackupsDescription ?? {});
      facet(rec, 'ttl', await c.read('dynamodb', region, 'dynamodb:DescribeTimeToLive', () => client.send(new DescribeTimeToLiveCommand({ TableName: name }))), (v) => v.TimeToLiveDescription ?? {});
      facet(rec, 'tags', await c.read('dynamodb', region, 'dynamodb:ListTagsOfResource', () => client.send(new ListTagsOfResourceCommand({ ResourceArn: arn }))), (v) => tagMap(v.Tags));
      c.add(rec);
    }),
  );
}
