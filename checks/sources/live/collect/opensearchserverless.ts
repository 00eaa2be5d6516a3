import {
  BatchGetCollectionCommand,
  GetSecurityPolicyCommand,
  ListTagsForResourceCommand,
  OpenSearchServerlessClient,
  paginateListCollections,
  paginateListSecurityPolicies,
  type SecurityPolicyType,
} from '@aws-sdk/client-opensearchserverless';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';

const COLLECTION = 'AWS::OpenSearchServerless::Collection';
const POLICY = 'AWS::OpenSearchServerless::SecurityPolicy';
/** BatchGetCollection takes at most 100 ids. */
const BATCH = 100;

/**
 * OpenSearch Serverless: collections (BatchGetCollection's details, with tags) and the encryption and network
 * security policies that match them by name pattern (GetSecurityPolicy's document). A failed policy list
 * makes every collection's policy verdict in that region an error.
 */
export async function collectOpenSearchServerless(c: Collector, region: string): Promise<void> {
  const client = c.client(OpenSearchServerlessClient, region);
  const summaries = await listAll(c, 'aoss', region, 'aoss:ListCollections', [COLLECTION], () => items(paginateListCollections({ client }, {}), (p) => p.collectionSummaries));
  const ids = (summaries ?? []).map((s) => s.id).filter((id): id is string => Boolean(id));
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const read = await c.read('aoss', region, 'aoss:BatchGetCollection', () => client.send(new BatchGetCollectionCommand({ ids: batch })));
    if (!read.ok) {
      if (!read.notConfigured) c.listFailed('aoss', region, read.error, [COLLECTION]);
      continue;
    }
    for (const d of read.value.collectionDetails ?? []) {
      if (!d.arn) continue;
      const rec: SnapshotResource = { type: COLLECTION, arn: d.arn, region, account: c.accountId, data: plain(d) as Record<string, unknown> };
      facet(rec, 'tags', await c.read('aoss', region, 'aoss:ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ resourceArn: d.arn }))), (v) => tagMap(v.tags));
      c.add(rec);
    }
  }
  for (const type of ['encryption', 'network'] as SecurityPolicyType[]) {
    const policies = await listAll(c, 'aoss', region, 'aoss:ListSecurityPolicies', [POLICY], () => items(paginateListSecurityPolicies({ client }, { type }), (p) => p.securityPolicySummaries));
    for (const p of policies ?? []) {
      const name = p.name;
      if (!name) continue;
      const rec: SnapshotResource = { type: POLICY, arn: c.arn('aoss', region, `security-policy/${type}/${name}`), region, account: c.accountId, data: { name, type } };
      facet(rec, 'securityPolicyDetail', await c.read('aoss', region, 'aoss:GetSecurityPolicy', () => client.send(new GetSecurityPolicyCommand({ name, type }))), (v) => v.securityPolicyDetail ?? {});
      c.add(rec);
    }
  }
}
