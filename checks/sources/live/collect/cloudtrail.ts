import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand, ListTagsCommand } from '@aws-sdk/client-cloudtrail';
import { facet, plain, tagMap, type Collector } from './context.js';
import type { SnapshotResource } from '../snapshot.js';

/** CloudTrail: trails whose home is this region (a multi-region trail is read once), with status and event selectors. */
export async function collectCloudTrail(c: Collector, region: string): Promise<void> {
  if (c.covered('AWS::CloudTrail::Trail')) return;
  const client = c.client(CloudTrailClient, region);
  const list = await c.read('cloudtrail', region, 'cloudtrail:DescribeTrails', () => client.send(new DescribeTrailsCommand({ includeShadowTrails: false })));
  if (!list.ok) {
    if (!list.notConfigured) c.listFailed('cloudtrail', region, list.error, ['AWS::CloudTrail::Trail']);
    return;
  }
  await Promise.all(
    (list.value.trailList ?? [])
      .filter((t) => !t.HomeRegion || t.HomeRegion === region)
      .map(async (t) => {
        const arn = t.TrailARN ?? c.arn('cloudtrail', region, `trail/${t.Name}`);
        const rec: SnapshotResource = { type: 'AWS::CloudTrail::Trail', arn, region, account: arn.split(':')[4] || c.accountId, data: plain(t) as Record<string, unknown> };
        const [status, selectors, tags] = await Promise.all([
          c.read('cloudtrail', region, 'cloudtrail:GetTrailStatus', () => client.send(new GetTrailStatusCommand({ Name: arn }))),
          c.read('cloudtrail', region, 'cloudtrail:GetEventSelectors', () => client.send(new GetEventSelectorsCommand({ TrailName: arn }))),
          c.read('cloudtrail', region, 'cloudtrail:ListTags', () => client.send(new ListTagsCommand({ ResourceIdList: [arn] }))),
        ]);
        facet(rec, 'tags', tags, (v) => tagMap(v.ResourceTagList?.[0]?.TagsList));
        facet(rec, 'status', status, (v) => ({ IsLogging: v.IsLogging ?? false, LatestDeliveryError: v.LatestDeliveryError ?? null }));
        facet(rec, 'eventSelectors', selectors, (v) => ({ EventSelectors: v.EventSelectors ?? [], AdvancedEventSelectors: v.AdvancedEventSelectors ?? [] }));
        c.add(rec);
      }),
  );
}
