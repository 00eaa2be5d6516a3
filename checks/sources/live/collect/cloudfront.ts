import { CloudFrontClient, GetDistributionConfigCommand, ListTagsForResourceCommand, paginateListDistributions } from '@aws-sdk/client-cloudfront';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';
import type { SnapshotResource } from '../snapshot.js';

/**
 * CloudFront (account-wide): distributions with their configuration (GetDistributionConfig: the list's
 * summary has no logging settings) and tags. Records carry region `global`.
 */
export async function collectCloudFront(c: Collector, home: string): Promise<void> {
  const client = c.client(CloudFrontClient, home);
  const dists = await listAll(c, 'cloudfront', 'global', 'cloudfront:ListDistributions', ['AWS::CloudFront::Distribution'], () =>
    items(paginateListDistributions({ client }, {}), (p) => p.DistributionList?.Items),
  );
  await Promise.all(
    (dists ?? []).map(async (d) => {
      if (!d.ARN || !d.Id) return;
      const rec: SnapshotResource = { type: 'AWS::CloudFront::Distribution', arn: d.ARN, region: 'global', account: c.accountId, data: { Id: d.Id, ARN: d.ARN, DomainName: d.DomainName, Status: d.Status } };
      const [config, tags] = await Promise.all([
        c.read('cloudfront', 'global', 'cloudfront:GetDistributionConfig', () => client.send(new GetDistributionConfigCommand({ Id: d.Id }))),
        c.read('cloudfront', 'global', 'cloudfront:ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ Resource: d.ARN }))),
      ]);
      facet(rec, 'DistributionConfig', config, (v) => plain(v.DistributionConfig) ?? null);
      facet(rec, 'tags', tags, (v) => tagMap(v.Tags?.Items));
      c.add(rec);
    }),
  );
}
