import { AthenaClient, GetWorkGroupCommand, ListTagsForResourceCommand, paginateListWorkGroups } from '@aws-sdk/client-athena';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';

/** Athena: workgroups (result encryption, enforced configuration) with their tags. */
export async function collectAthena(c: Collector, region: string): Promise<void> {
  const client = c.client(AthenaClient, region);
  const groups = await listAll(c, 'athena', region, 'athena:ListWorkGroups', ['AWS::Athena::WorkGroup'], () => items(paginateListWorkGroups({ client }, {}), (p) => p.WorkGroups));
  await Promise.all(
    (groups ?? []).map(async (g) => {
      const name = g.Name!;
      const arn = c.arn('athena', region, `workgroup/${name}`);
      const rec: SnapshotResource = { type: 'AWS::Athena::WorkGroup', arn, region, account: c.accountId, data: { Name: name } };
      facet(rec, 'WorkGroup', await c.read('athena', region, 'athena:GetWorkGroup', () => client.send(new GetWorkGroupCommand({ WorkGroup: name }))), (v) => plain(v.WorkGroup ?? {}));
      facet(rec, 'tags', await c.read('athena', region, 'athena:ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ ResourceARN: arn }))), (v) => tagMap(v.Tags));
      c.add(rec);
    }),
  );
}
