import { DescribeServerCommand, TransferClient, paginateListServers } from '@aws-sdk/client-transfer';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, tagMap, type Collector } from './context.js';

/** Transfer Family: servers, each described (protocols, security policy, logging, tags). */
export async function collectTransfer(c: Collector, region: string): Promise<void> {
  const client = c.client(TransferClient, region);
  const servers = await listAll(c, 'transfer', region, 'transfer:ListServers', ['AWS::Transfer::Server'], () => items(paginateListServers({ client }, {}), (p) => p.Servers));
  await Promise.all(
    (servers ?? []).map(async (s) => {
      if (!s.ServerId) return;
      const arn = s.Arn ?? c.arn('transfer', region, `server/${s.ServerId}`);
      const rec: SnapshotResource = { type: 'AWS::Transfer::Server', arn, region, account: c.accountId, data: { ServerId: s.ServerId } };
      facet(rec, 'server', await c.read('transfer', region, 'transfer:DescribeServer', () => client.send(new DescribeServerCommand({ ServerId: s.ServerId }))), (v) => ({ ...v.Server, Tags: tagMap(v.Server?.Tags) }));
      c.add(rec);
    }),
  );
}
