import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand, ListTagsCommand } from '@aws-sdk/client-cloudtrail';
import { facet, plain, tagMap, type Collector } from './context.js';
import type { SnapshotResource } from '../snapshot.js';

/**
 * CloudTrail: the trails that record this region, with status and event selectors. A multi-region trail
 * shows in every region it records (a shadow trail), so an audit whose regions leave out its home region
 * still sees it; each trail is read once, from its home region (where its status and selectors live),
 * and recorded there. Organization trails another account owns are that account's records.
 */
export async function collectCloudTrail(c: Collector, region: string): Promise<void> {
  if (c.covered('AWS::CloudTrail::Trail')) return;
  const client = c.client(CloudTrailClient, region);
  const list = await c.read('cloudtrail', region, 'cloudtrail:DescribeTrails', () => client.send(new DescribeTrailsCommand({ includeShadowTrails: true })));
  if (!list.ok) {
    if (!list.notConfigured) c.listFailed('cloudtrail', region, list.error, ['AWS::CloudTrail::Trail']);
    return;
  }
  await Promise.all(
    (list.value.trailList ?? []).map(async (t) => {
      const home = t.HomeRegion || region;
      const arn = t.TrailARN ?? c.arn('cloudtrail', home, `trail/${t.Name}`);
      const account = arn.split(':')[4] || c.accountId;
      if (account !== c.accountId || !c.claim(`cloudtrail|${arn}`)) return;
      const at = c.client(CloudTrailClient, home);
      const rec: SnapshotResource = { type: 'AWS::CloudTrail::Trail', arn, region: home, account, data: plain(t) as Record<string, unknown> };
      const [status, selectors, tags] = await Promise.all([
        c.read('cloudtrail', home, 'cloudtrail:GetTrailStatus', () => at.send(new GetTrailStatusCommand({ Name: arn }))),
        c.read('cloudtrail', home, 'cloudtrail:GetEventSelectors', () => at.send(new GetEventSelectorsCommand({ TrailName: arn }))),
        c.read('cloudtrail', home, 'cloudtrail:ListTags', () => at.send(new ListTagsCommand({ ResourceIdList: [arn] }))),
      ]);
      facet(rec, 'tags', tags, (v) => tagMap(v.ResourceTagList?.[0]?.TagsList));
      facet(rec, 'status', status, (v) => ({ IsLogging: v.IsLogging ?? false, LatestDeliveryError: v.LatestDeliveryError ?? null }));
      facet(rec, 'eventSelectors', selectors, (v) => ({ EventSelectors: v.EventSelectors ?? [], AdvancedEventSelectors: v.AdvancedEventSelectors ?? [] }));
      c.add(rec);
    }),
  );
}
