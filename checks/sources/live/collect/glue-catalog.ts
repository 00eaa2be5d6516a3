import { GetTagsCommand, GlueClient, paginateGetDatabases, paginateGetTables } from '@aws-sdk/client-glue';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, type Collector } from './context.js';

const DATABASE = 'AWS::Glue::Database';
const TABLE = 'AWS::Glue::Table';

/**
 * Glue Data Catalog databases (with tags) and their tables, as GetDatabases and GetTables answer them. Their
 * encryption is the region's catalog settings (collect/glue.ts); a failed table list is recorded like a failed
 * list, so that database's tables are judged `error` in that region, never passed unseen.
 */
export async function collectGlueCatalog(c: Collector, region: string): Promise<void> {
  const client = c.client(GlueClient, region);
  const databases = await listAll(c, 'glue', region, 'glue:GetDatabases', [DATABASE, TABLE], () => items(paginateGetDatabases({ client }, {}), (p) => p.DatabaseList));
  for (const db of databases ?? []) {
    const name = db.Name;
    if (!name) continue;
    const catalog = db.CatalogId ?? c.accountId;
    const arn = c.arn('glue', region, `database/${name}`, catalog);
    const rec: SnapshotResource = { type: DATABASE, arn, region, account: c.accountId, data: plain(db) as Record<string, unknown> };
    facet(rec, 'tags', await c.read('glue', region, 'glue:GetTags', () => client.send(new GetTagsCommand({ ResourceArn: arn }))), (v) => v.Tags ?? {});
    c.add(rec);
    const tables = await listAll(c, 'glue', region, 'glue:GetTables', [TABLE], () => items(paginateGetTables({ client }, { DatabaseName: name, CatalogId: db.CatalogId }), (p) => p.TableList));
    for (const t of tables ?? []) {
      if (!t.Name) continue;
      // Only what identifies the table: its columns and parameters may quote records (comments, sample values).
      const data = { Name: t.Name, DatabaseName: t.DatabaseName ?? name, CatalogId: t.CatalogId ?? catalog, TableType: t.TableType };
      c.add({ type: TABLE, arn: c.arn('glue', region, `table/${name}/${t.Name}`, catalog), region, account: c.accountId, data });
    }
  }
}
