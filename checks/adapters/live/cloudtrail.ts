import type { SnapshotResource } from '../../sources/live/snapshot.js';
import { managementEventsOf, type AdvancedSelector } from '../shared/trail-management-events.js';
import { isUnknown } from '../../model/value.js';
import type { LinkRef } from '../../model/resource.js';
import { pushAll } from '../../util/push-all.js';
import { dataAt, locAt, liveAttr, liveDerived, liveFacetAttr, liveLink, liveResource, logGroupToken, tagVals, type LiveAdapter, type LiveCtx } from './helpers/index.js';

interface DataEvent {
  resourceType: string;
  arnPrefixes: string[];
  allResources: boolean;
  readWriteType: string;
  source: string;
}

type AdvancedEventSelector = { FieldSelectors?: Array<{ Field?: string; Equals?: string[]; StartsWith?: string[] }> };

/** Advanced event selectors that choose data events -> one element per data resource type selected. */
function advancedDataEvents(advanced: AdvancedEventSelector[]): DataEvent[] {
  const out: DataEvent[] = [];
  for (const s of advanced) {
    const fields = s.FieldSelectors ?? [];
    const cat = fields.find((f) => f.Field === 'eventCategory');
    if (!cat?.Equals?.includes('Data')) continue;
    const type = fields.find((f) => f.Field === 'resources.type')?.Equals?.[0] ?? '';
    const arnSel = fields.find((f) => f.Field === 'resources.ARN');
    const ro = fields.find((f) => f.Field === 'readOnly')?.Equals?.[0];
    const prefixes = [...(arnSel?.StartsWith ?? []), ...(arnSel?.Equals ?? [])];
    out.push({ resourceType: type, arnPrefixes: prefixes, allResources: !arnSel, readWriteType: ro === 'true' ? 'ReadOnly' : ro === 'false' ? 'WriteOnly' : 'All', source: 'advanced_event_selector' });
  }
  return out;
}

/** Basic and advanced event selectors -> one element per data resource type selected. */
function dataEvents(rec: SnapshotResource): DataEvent[] {
  const out: DataEvent[] = [];
  const basic = (dataAt(rec, 'eventSelectors.EventSelectors') as Array<{ ReadWriteType?: string; DataResources?: Array<{ Type?: string; Values?: string[] }> }> | undefined) ?? [];
  for (const s of basic) {
    for (const d of s.DataResources ?? []) {
      const values = d.Values ?? [];
      const all = values.some((v) => /^arn:[^:]+:s3(:::)?\/?$/.test(v) || v === 'arn:aws:s3' || /^arn:[^:]+:(lambda|dynamodb)$/.test(v));
      out.push({ resourceType: d.Type ?? '', arnPrefixes: values, allResources: all || values.length === 0, readWriteType: s.ReadWriteType ?? 'All', source: 'event_selector' });
    }
  }
  for (const e of advancedDataEvents((dataAt(rec, 'eventSelectors.AdvancedEventSelectors') as AdvancedEventSelector[] | undefined) ?? [])) out.push(e);
  return out;
}

/** The management events the trail records (GetEventSelectors; no selectors: all of them). */
function managementEvents(rec: SnapshotResource): ReturnType<typeof managementEventsOf> {
  const basic = (dataAt(rec, 'eventSelectors.EventSelectors') as Array<{ ReadWriteType?: string; IncludeManagementEvents?: boolean }> | undefined) ?? [];
  const advanced = (dataAt(rec, 'eventSelectors.AdvancedEventSelectors') as Array<{ FieldSelectors?: Array<{ Field?: string; Equals?: string[] }> }> | undefined) ?? [];
  return managementEventsOf(
    basic.map((s) => ({ includeManagementEvents: s.IncludeManagementEvents ?? true, readWriteType: s.ReadWriteType })),
    advanced.map((s): AdvancedSelector => new Map((s.FieldSelectors ?? []).filter((f) => f.Field).map((f) => [f.Field!, f.Equals ?? []]))),
  );
}

const trail: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.cloudtrail.trail', ctx, [dataAt(rec, 'Name')]);
  const events = rec.errors?.eventSelectors ? [] : dataEvents(rec);
  const management = rec.errors?.eventSelectors ? undefined : managementEvents(rec);
  const s3All = events.some((e) => e.resourceType === 'AWS::S3::Object' && e.allResources && e.readWriteType === 'All');
  const cwl = dataAt(rec, 'CloudWatchLogsLogGroupArn') as string | undefined;
  const bucket = dataAt(rec, 'S3BucketName') as string | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'Name'),
    isMultiRegion: liveAttr(rec, ctx, 'IsMultiRegionTrail', { default: false }),
    includeGlobalServiceEvents: liveAttr(rec, ctx, 'IncludeGlobalServiceEvents', { default: true }),
    logFileValidation: liveAttr(rec, ctx, 'LogFileValidationEnabled', { default: false }),
    enableLogging: liveAttr(rec, ctx, 'status.IsLogging', { default: false, facet: 'status' }),
    isOrganizationTrail: liveAttr(rec, ctx, 'IsOrganizationTrail', { default: false }),
    kmsKeyId: liveAttr(rec, ctx, 'KmsKeyId'),
    bucketName: liveAttr(rec, ctx, 'S3BucketName'),
    cloudWatchLogsGroupArn: liveAttr(rec, ctx, 'CloudWatchLogsLogGroupArn'),
    dataEvents: liveDerived(rec, ctx, 'eventSelectors', events, ['eventSelectors']),
    s3DataEventsAllBuckets: liveDerived(rec, ctx, 'eventSelectors', s3All, ['eventSelectors']),
    managementEvents: isUnknown(management) ? { value: undefined, origin: 'unknown', loc: locAt(rec, ctx, 'eventSelectors') } : liveDerived(rec, ctx, 'eventSelectors', management, ['eventSelectors']),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', dataAt(rec, 'KmsKeyId'), ['aws.kms.key'], { attribute: 'KmsKeyId' }));
  if (bucket) r.linkRefs!.push(liveLink(rec, ctx, 'bucket', `arn:${ctx.snapshot.account.partition}:s3:::${bucket}`, ['aws.s3.bucket'], { inverse: 'trails', attribute: 'S3BucketName' }));
  if (cwl) r.linkRefs!.push(liveLink(rec, ctx, 'cloudWatchLogsGroup', logGroupToken(cwl), ['aws.logs.log-group'], { inverse: 'trails', attribute: 'CloudWatchLogsLogGroupArn' }));
  pushAll(r.linkRefs!, dataEventLinks(rec, ctx, events, 'eventSelectors'));
  return r;
};

/** The buckets and tables the selectors name, as links (`dataEventBuckets`, `dataEventTables`; inverse `dataEventTrails`). */
function dataEventLinks(rec: SnapshotResource, ctx: LiveCtx, events: DataEvent[], attribute: string): LinkRef[] {
  const out: LinkRef[] = [];
  const named = events
    .filter((e) => e.resourceType === 'AWS::S3::Object')
    .flatMap((e) => e.arnPrefixes)
    .map((p) => /^arn:[^:]+:s3:::([^/]+)/.exec(p)?.[1])
    .filter((b): b is string => !!b)
    .map((b) => `arn:${ctx.snapshot.account.partition}:s3:::${b}`);
  if (named.length) out.push(liveLink(rec, ctx, 'dataEventBuckets', named, ['aws.s3.bucket'], { inverse: 'dataEventTrails', attribute }));
  const tables = events.filter((e) => e.resourceType === 'AWS::DynamoDB::Table').flatMap((e) => e.arnPrefixes.filter((p) => /:dynamodb:[^:]*:[^:]*:table\/[^/]+$/.test(p)));
  if (tables.length) out.push(liveLink(rec, ctx, 'dataEventTables', tables, ['aws.dynamodb.table'], { inverse: 'dataEventTrails', attribute }));
  return out;
}

/** A CloudTrail Lake event data store (GetEventDataStore in the `detail` facet): ingesting while its Status is ENABLED. */
const eventDataStore: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.cloudtrail.event-data-store', ctx, [dataAt(rec, 'Name')]);
  const failed = Boolean(rec.errors?.detail);
  // a record without the detail facet (neither read nor failed) says nothing of what the store records
  const detail = liveFacetAttr(rec, ctx, 'detail');
  const unread = !detail.error && detail.origin === 'unknown';
  const events = failed ? [] : advancedDataEvents((dataAt(rec, 'detail.AdvancedEventSelectors') as AdvancedEventSelector[] | undefined) ?? []);
  const enabled = liveDerived(rec, ctx, 'detail', dataAt(rec, 'detail.Status') === 'ENABLED', ['detail']);
  r.attrs = {
    name: liveAttr(rec, ctx, 'Name'),
    enabled: unread ? { ...enabled, value: undefined, origin: 'unknown' } : enabled,
    isMultiRegion: liveAttr(rec, ctx, 'detail.MultiRegionEnabled', { default: true, facet: 'detail' }),
    isOrganization: liveAttr(rec, ctx, 'detail.OrganizationEnabled', { default: false, facet: 'detail' }),
    dataEvents: unread ? { value: undefined, origin: 'unknown', loc: enabled.loc } : liveDerived(rec, ctx, 'detail', events, ['detail']),
    kmsKeyId: liveAttr(rec, ctx, 'detail.KmsKeyId', { facet: 'detail' }),
    retentionPeriod: liveAttr(rec, ctx, 'detail.RetentionPeriod', { facet: 'detail' }),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', dataAt(rec, 'detail.KmsKeyId'), ['aws.kms.key'], { attribute: 'detail' }));
  pushAll(r.linkRefs!, dataEventLinks(rec, ctx, events, 'detail'));
  return r;
};

export const cloudtrailLiveAdapters: Record<string, LiveAdapter> = { 'AWS::CloudTrail::Trail': trail, 'AWS::CloudTrail::EventDataStore': eventDataStore };
