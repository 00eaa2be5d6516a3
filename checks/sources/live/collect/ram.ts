import { paginateGetResourceShareAssociations, paginateGetResourceShares, RAMClient } from '@aws-sdk/client-ram';
import type { SnapshotResource } from '../snapshot.js';
import { allPages, facet, items, listAll, tagMap, type Collector } from './context.js';

/** Associations that stand: an association being removed, or that failed, shares nothing. */
const STANDING = new Set(['ASSOCIATED', 'ASSOCIATING']);

/**
 * AWS RAM resource shares the account owns (active ones), each with what it holds and who it is shared with
 * (GetResourceShareAssociations, RESOURCE and PRINCIPAL, one paginated read each per share).
 */
export async function collectRam(c: Collector, region: string): Promise<void> {
  const client = c.client(RAMClient, region);
  const shares = await listAll(c, 'ram', region, 'ram:GetResourceShares', ['AWS::RAM::ResourceShare'], () =>
    items(paginateGetResourceShares({ client }, { resourceOwner: 'SELF', resourceShareStatus: 'ACTIVE' }), (p) => p.resourceShares),
  );
  await Promise.all(
    (shares ?? []).map(async (s) => {
      const arn = s.resourceShareArn;
      if (!arn) return;
      const rec: SnapshotResource = {
        type: 'AWS::RAM::ResourceShare',
        arn,
        region,
        account: c.accountId,
        data: { name: s.name, allowExternalPrincipals: s.allowExternalPrincipals, status: s.status, tags: tagMap(s.tags) },
      };
      for (const [kind, name] of [['RESOURCE', 'resources'], ['PRINCIPAL', 'principals']] as const) {
        const read = await c.read('ram', region, 'ram:GetResourceShareAssociations', () =>
          allPages(paginateGetResourceShareAssociations({ client }, { associationType: kind, resourceShareArns: [arn] }), (p) => p.resourceShareAssociations),
        );
        facet(rec, name, read, (list) => list.filter((a) => STANDING.has(a.status ?? '')).map((a) => a.associatedEntity).filter((x): x is string => typeof x === 'string'));
      }
      c.add(rec);
    }),
  );
}
