import { ListTagsForResourceCommand, TimestreamWriteClient, paginateListDatabases, paginateListTables } from '@aws-sdk/client-timestream-write';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';

/**
 * Timestream for LiveAnalytics: databases (their KMS key encrypts every table) and tables, with tags. Against AWS the
 * SDK first discovers the regional endpoint ('timestream:DescribeEndpoints', granted to the auditor); with a
 * custom endpoint (moto) it does not.
 */
export async function collectTimestream(c: Collector, region: string): Promise<void> {
  const client = c.client(TimestreamWriteClient, region);
  const databases = await listAll(c, 'timestream', region, 'timestream:ListDatabases', ['AWS::Timestream::Database'], () => items(paginateListDatabases({ client }, {}), (p) => p.Databases));
  const tables = await listAll(c, 'timestream', region, 'timestream:ListTables', ['AWS::Timestream::Table'], () => items(paginateListTables({ client }, {}), (p) => p.Tables));
  const add = async (type: string, arn: string | undefined, data: Record<string, unknown>) => {
    if (!arn) return;
    const rec: SnapshotResource = { type, arn, region, account: c.accountId, data };
    facet(rec, 'tags', await c.read('timestream', region, 'timestream:ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ ResourceARN: arn }))), (v) => tagMap(v.Tags));
    c.add(rec);
  };
  await Promise.all((databases ?? []).map((d) => add('AWS::Timestream::Database', d.Arn, plain(d) as Record<string, unknown>)));
  await Promise.all((tables ?? []).map((t) => add('AWS::Timestream::Table', t.Arn, plain(t) as Record<string, unknown>)));
}
