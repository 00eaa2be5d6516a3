import { ListTagsForResourceCommand, SSMClient, paginateDescribeParameters } from '@aws-sdk/client-ssm';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';

/** SSM Parameter Store: each parameter's metadata (type, KMS key, tier) and tags. Values are never read. */
export async function collectSsm(c: Collector, region: string): Promise<void> {
  const client = c.client(SSMClient, region);
  const params = await listAll(c, 'ssm', region, 'ssm:DescribeParameters', ['AWS::SSM::Parameter'], () => items(paginateDescribeParameters({ client }, {}), (p) => p.Parameters));
  await Promise.all(
    (params ?? []).map(async (p) => {
      const name = p.Name!;
      const arn = p.ARN ?? c.arn('ssm', region, `parameter${name.startsWith('/') ? '' : '/'}${name}`);
      const rec: SnapshotResource = { type: 'AWS::SSM::Parameter', arn, region, account: c.accountId, data: plain(p) as Record<string, unknown> };
      facet(rec, 'tags', await c.read('ssm', region, 'ssm:ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: name }))), (v) => tagMap(v.TagList));
      c.add(rec);
    }),
  );
}
