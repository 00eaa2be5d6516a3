import { DescribeLedgerCommand, ListTagsForResourceCommand, QLDBClient, paginateListLedgers } from '@aws-sdk/client-qldb';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, type Collector } from './context.js';

/**
 * QLDB: ledgers with DescribeLedger (encryption key, deletion protection) and tags. moto 5 does not implement
 * QLDB: there the list fails, is recorded, and every ledger policy reports error in the region.
 */
export async function collectQldb(c: Collector, region: string): Promise<void> {
  const client = c.client(QLDBClient, region);
  const ledgers = await listAll(c, 'qldb', region, 'qldb:ListLedgers', ['AWS::QLDB::Ledger'], () => items(paginateListLedgers({ client }, {}), (p) => p.Ledgers));
  await Promise.all(
    (ledgers ?? []).map(async (l) => {
      if (!l.Name) return;
      const name = l.Name;
      const arn = c.arn('qldb', region, `ledger/${name}`);
      const rec: SnapshotResource = { type: 'AWS::QLDB::Ledger', arn, region, account: c.accountId, data: plain(l) as Record<string, unknown> };
      facet(rec, 'ledger', await c.read('qldb', region, 'qldb:DescribeLedger', () => client.send(new DescribeLedgerCommand({ Name: name }))), (v) => plain(v));
      facet(rec, 'tags', await c.read('qldb', region, 'qldb:ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))), (v) => v.Tags ?? {});
      c.add(rec);
    }),
  );
}
