import { GetTableCommand, KeyspacesClient, ListTagsForResourceCommand, paginateListKeyspaces, paginateListTables } from '@aws-sdk/client-keyspaces';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';

const SYSTEM = /^system/;

/**
 * Amazon Keyspaces: keyspaces and their tables, each table with GetTable (key, point-in-time recovery) and tags.
 * IAM authorises every one of these reads as 'cassandra:Select' on the keyspace or table (which would also allow
 * reading its rows through CQL): the shipped auditor policy grants it only on the system keyspaces, so against AWS
 * a table's reads are errors, never a pass, unless the operator grants more. moto 5 does not implement Keyspaces.
 */
export async function collectKeyspaces(c: Collector, region: string): Promise<void> {
  const client = c.client(KeyspacesClient, region);
  const keyspaces = await listAll(c, 'cassandra', region, 'cassandra:Select', ['AWS::Cassandra::Keyspace', 'AWS::Cassandra::Table'], () => items(paginateListKeyspaces({ client }, {}), (p) => p.keyspaces));
  for (const ks of (keyspaces ?? []).filter((k) => !SYSTEM.test(k.keyspaceName ?? ''))) {
    const name = ks.keyspaceName!;
    const rec: SnapshotResource = { type: 'AWS::Cassandra::Keyspace', arn: ks.resourceArn ?? c.arn('cassandra', region, `/keyspace/${name}/`), region, account: c.accountId, data: plain(ks) as Record<string, unknown> };
    facet(rec, 'tags', await c.read('cassandra', region, 'cassandra:Select', () => client.send(new ListTagsForResourceCommand({ resourceArn: rec.arn }))), (v) => tagMap(v.tags));
    c.add(rec);
    const tables = await listAll(c, 'cassandra', region, 'cassandra:Select', ['AWS::Cassandra::Table'], () => items(paginateListTables({ client }, { keyspaceName: name }), (p) => p.tables));
    await Promise.all(
      (tables ?? []).map(async (t) => {
        const arn = t.resourceArn ?? c.arn('cassandra', region, `/keyspace/${name}/table/${t.tableName}`);
        const tr: SnapshotResource = { type: 'AWS::Cassandra::Table', arn, region, account: c.accountId, data: plain(t) as Record<string, unknown> };
        facet(tr, 'table', await c.read('cassandra', region, 'cassandra:Select', () => client.send(new GetTableCommand({ keyspaceName: name, tableName: t.tableName! }))), (v) => plain(v));
        facet(tr, 'tags', await c.read('cassandra', region, 'cassandra:Select', () => client.send(new ListTagsForResourceCommand({ resourceArn: arn }))), (v) => tagMap(v.tags));
        c.add(tr);
      }),
    );
  }
}
