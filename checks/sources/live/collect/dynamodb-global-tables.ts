import { DynamoDBClient, ListGlobalTablesCommand, type GlobalTable } from '@aws-sdk/client-dynamodb';
import { listAll, plain, type Collector } from './context.js';

/** Every page of ListGlobalTables for one region (the API pages by ExclusiveStartGlobalTableName; there is no paginator). */
async function* pages(client: DynamoDBClient, region: string): AsyncIterable<GlobalTable[] | undefined> {
  let start: string | undefined;
  do {
    const out = await client.send(new ListGlobalTablesCommand({ RegionName: region, ExclusiveStartGlobalTableName: start }));
    yield out.GlobalTables;
    start = out.LastEvaluatedGlobalTableName;
  } while (start);
}

/**
 * DynamoDB global tables of version 2017.11.29 (ListGlobalTables): the name and replica regions. Each is listed by
 * every replica region; it is recorded once, by the first of its replica regions in alphabetical order (audit every
 * replica region: the policy needs their tables anyway). moto does not implement ListGlobalTables: against it the
 * list fails and the global-table policy reports `error`, never a pass.
 */
export async function collectDynamoDbGlobalTables(c: Collector, region: string): Promise<void> {
  const client = c.client(DynamoDBClient, region);
  const tables = await listAll(c, 'dynamodb', region, 'dynamodb:ListGlobalTables', ['AWS::DynamoDB::GlobalTable'], () => pages(client, region));
  for (const t of tables ?? []) {
    const name = t.GlobalTableName;
    const regions = (t.ReplicationGroup ?? []).map((r) => r.RegionName).filter((r): r is string => typeof r === 'string').sort();
    if (!name || (regions.length && regions[0] !== region)) continue;
    c.add({ type: 'AWS::DynamoDB::GlobalTable', arn: `arn:${c.partition}:dynamodb::${c.accountId}:global-table/${name}`, region, account: c.accountId, data: plain(t) as Record<string, unknown> });
  }
}
