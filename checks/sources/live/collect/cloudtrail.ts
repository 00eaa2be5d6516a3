import { CloudTrailClient, DescribeTrailsCommand, GetEventDataStoreCommand, GetEventSelectorsCommand, GetTrailStatusCommand, ListTagsCommand, paginateListEventDataStores } from '@aws-sdk/client-cloudtrail';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';
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

/**
 * CloudTrail Lake event data stores of the region: each store's settings and advanced event selectors
 * (GetEventDataStore; the list's own copies of them are deprecated) and tags. A store records the data events its
 * selectors choose as a trail does, so the data-event policies count it.
 */
export async function collectEventDataStores(c: Collector, region: string): Promise<void> {
  const client = c.client(CloudTrailClient, region);
  const stores = await listAll(c, 'cloudtrail', region, 'cloudtrail:ListEventDataStores', ['AWS::CloudTrail::EventDataStore'], () =>
    items(paginateListEventDataStores({ client }, {}), (p) => p.EventDataStores),
  );
  await Promise.all(
    (stores ?? []).map(async (s) => {
      const arn = s.EventDataStoreArn;
      if (!arn || !c.claim(`cloudtrail-eds|${arn}`)) return;
      const rec: SnapshotResource = { type: 'AWS::CloudTrail::EventDataStore', arn, region, account: c.accountId, data: { Name: s.Name } };
      const [detail, tags] = await Promise.all([
        c.read('cloudtrail', region, 'cloudtrail:GetEventDataStore', () => client.send(new GetEventDataStoreCommand({ EventDataStore: arn }))),
        c.read('cloudtrail', region, 'cloudtrail:ListTags', () => client.send(new ListTagsCommand({ ResourceIdList: [arn] }))),
      ]);
      facet(rec, 'detail', detail, (v) => ({
        Status: v.Status,
        MultiRegionEnabled: v.MultiRegionEnabled,
        OrganizationEnabled: v.OrganizationEnabled,
        AdvancedEventSelectors: v.AdvancedEventSelectors ?? [],
        RetentionPeriod: v.RetentionPeriod,
        KmsKeyId: v.KmsKeyId,
      }));
      facet(rec, 'tags', tags, (v) => tagMap(v.ResourceTagList?.[0]?.TagsList));
      c.add(rec);
    }),
  );
}
