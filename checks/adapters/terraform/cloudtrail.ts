import type { LinkRef } from '../../model/resource.js';
import { isUnknown, UNKNOWN, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { managementEventsOf, type AdvancedSelector, type BasicSelector } from '../shared/trail-management-events.js';
import { asBool, asNumber, attr, linkRef, locOf, rawAt, refersToType, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

export interface DataEventSelection {
  resourceType: string | typeof UNKNOWN;
  arnPrefixes: Array<string | typeof UNKNOWN>;
  allResources: boolean | typeof UNKNOWN;
  readWriteType: 'All' | 'ReadOnly' | 'WriteOnly' | typeof UNKNOWN;
  source: 'event_selector' | 'advanced_event_selector';
}

/** `arn:aws:s3`, `arn:aws:s3:::`, `arn:aws:lambda` ...: every resource of the type. */
function selectsAll(value: string): boolean {
  return /^arn:aws[a-z-]*:[a-z0-9-]+(:::?)?$/.test(value);
}

function list(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  return raw === undefined || raw === null ? [] : [raw];
}

function strings(raw: unknown): Array<string | typeof UNKNOWN> {
  if (isUnknown(raw)) return [UNKNOWN];
  return list(raw).map((x) => (isUnknown(x) ? UNKNOWN : String(x)));
}

/** Basic event selectors: one entry per data_resource. */
function fromEventSelectors(raw: unknown): DataEventSelection[] | typeof UNKNOWN {
  if (isUnknown(raw)) return UNKNOWN;
  const out: DataEventSelection[] = [];
  for (const sel of list(raw)) {
    if (isUnknown(sel) || !sel || typeof sel !== 'object') return UNKNOWN;
    const s = sel as Record<string, unknown>;
    const rw = s.read_write_type === undefined || s.read_write_type === null ? 'All' : isUnknown(s.read_write_type) ? UNKNOWN : (String(s.read_write_type) as DataEventSelection['readWriteType']);
    if (isUnknown(s.data_resource)) {
      out.push({ resourceType: UNKNOWN, arnPrefixes: [UNKNOWN], allResources: UNKNOWN, readWriteType: rw, source: 'event_selector' });
      continue;
    }
    for (const dr of list(s.data_resource)) {
      if (isUnknown(dr) || !dr || typeof dr !== 'object') {
        out.push({ resourceType: UNKNOWN, arnPrefixes: [UNKNOWN], allResources: UNKNOWN, readWriteType: rw, source: 'event_selector' });
        continue;
      }
      const d = dr as Record<string, unknown>;
      const values = strings(d.values);
      const all = values.some((v) => typeof v === 'string' && selectsAll(v)) ? true : values.some(isUnknown) ? UNKNOWN : false;
      out.push({ resourceType: isUnknown(d.type) ? UNKNOWN : String(d.type ?? ''), arnPrefixes: values, allResources: all, readWriteType: rw, source: 'event_selector' });
    }
  }
  return out;
}

/** Advanced event selectors: one entry per selector that selects data events of a resource type. */
function fromAdvancedSelectors(raw: unknown): DataEventSelection[] | typeof UNKNOWN {
  if (isUnknown(raw)) return UNKNOWN;
  const out: DataEventSelection[] = [];
  for (const sel of list(raw)) {
    if (isUnknown(sel) || !sel || typeof sel !== 'object') return UNKNOWN;
    const fields = (sel as Record<string, unknown>).field_selector;
    if (isUnknown(fields)) return UNKNOWN;
    const byField = new Map<string, Record<string, unknown>>();
    for (const f of list(fields)) {
      if (isUnknown(f) || !f || typeof f !== 'object') return UNKNOWN;
      const fo = f as Record<string, unknown>;
      if (typeof fo.field === 'string') byField.set(fo.field, fo);
    }
    const category = byField.get('eventCategory');
    const cat = category ? strings(category.equals) : [];
    if (!cat.includes('Data') && !cat.some(isUnknown)) continue;
    const typeSel = byField.get('resources.type');
    const types = typeSel ? strings(typeSel.equals) : [UNKNOWN];
    const arnSel = byField.get('resources.ARN');
    let prefixes: Array<string | typeof UNKNOWN> = [];
    let all: boolean | typeof UNKNOWN = true;
    if (arnSel) {
      prefixes = [...strings(arnSel.starts_with), ...strings(arnSel.equals)];
      const negative = ['not_starts_with', 'not_equals', 'not_ends_with', 'ends_with'].some((k) => list(arnSel[k]).length > 0);
      all = prefixes.length === 0 && !negative ? true : prefixes.some((p) => typeof p === 'string' && selectsAll(p)) && !negative ? true : false;
    }
    const ro = byField.get('readOnly');
    const roVals = ro ? strings(ro.equals) : [];
    const rw: DataEventSelection['readWriteType'] = !ro || roVals.length === 0 ? 'All' : roVals.some(isUnknown) ? UNKNOWN : roVals.length === 1 ? (roVals[0] === 'true' ? 'ReadOnly' : 'WriteOnly') : 'All';
    for (const t of types) out.push({ resourceType: t, arnPrefixes: prefixes, allResources: all, readWriteType: rw, source: 'advanced_event_selector' });
  }
  return out;
}

/** Bucket ARNs named by S3 data event prefixes (`arn:aws:s3:::bucket/` or `arn:aws:s3:::bucket/prefix`). */
function bucketArns(selections: DataEventSelection[]): string[] {
  const out = new Set<string>();
  for (const s of selections) {
    if (s.resourceType !== 'AWS::S3::Object') continue;
    for (const p of s.arnPrefixes) {
      if (typeof p !== 'string') continue;
      const m = /^(arn:aws[a-z-]*:s3:::[^/]+)/.exec(p);
      if (m && !selectsAll(p)) out.add(m[1]!);
    }
  }
  return [...out];
}

function s3AllBuckets(events: DataEventSelection[]): Val<boolean>['value'] | typeof UNKNOWN {
  let read = false;
  let write = false;
  let unknown = false;
  for (const e of events) {
    // selectors of another resource type (DynamoDB tables, Lambda functions) say nothing about buckets
    if (!isUnknown(e.resourceType) && e.resourceType !== 'AWS::S3::Object') continue;
    if (isUnknown(e.resourceType) || isUnknown(e.allResources) || isUnknown(e.readWriteType)) {
      unknown = true;
      continue;
    }
    if (e.allResources !== true) continue;
    if (e.readWriteType === 'All' || e.readWriteType === 'ReadOnly') read = true;
    if (e.readWriteType === 'All' || e.readWriteType === 'WriteOnly') write = true;
  }
  if (read && write) return true;
  return unknown ? UNKNOWN : false;
}

/** `event_selector` blocks as the management-event reading needs them (UNKNOWN when the list is). */
function basicSelectors(raw: unknown): BasicSelector[] | typeof UNKNOWN {
  if (isUnknown(raw)) return UNKNOWN;
  return list(raw).map((sel) => {
    if (isUnknown(sel) || !sel || typeof sel !== 'object') return { includeManagementEvents: UNKNOWN, readWriteType: UNKNOWN };
    const s = sel as Record<string, unknown>;
    // the provider's default for include_management_events is true
    return { includeManagementEvents: s.include_management_events ?? true, readWriteType: s.read_write_type };
  });
}

/** `advanced_event_selector` blocks: each field selector's `equals` by field name. */
function advancedSelectors(raw: unknown): AdvancedSelector[] | typeof UNKNOWN {
  if (isUnknown(raw)) return UNKNOWN;
  return list(raw).map((sel): AdvancedSelector => {
    if (isUnknown(sel) || !sel || typeof sel !== 'object') return UNKNOWN;
    const fields = (sel as Record<string, unknown>).field_selector;
    if (isUnknown(fields)) return UNKNOWN;
    const out = new Map<string, unknown[] | typeof UNKNOWN>();
    for (const f of list(fields)) {
      if (isUnknown(f) || !f || typeof f !== 'object') return UNKNOWN;
      const fo = f as Record<string, unknown>;
      if (isUnknown(fo.field)) return UNKNOWN;
      if (typeof fo.field === 'string') out.set(fo.field, isUnknown(fo.equals) ? UNKNOWN : strings(fo.equals));
    }
    return out;
  });
}

function refsUnder(rec: TfRecord, prefix: string): string[] {
  const out = new Set<string>();
  for (const [path, addrs] of Object.entries(rec.references)) if (path === prefix || path.startsWith(`${prefix}.`)) for (const a of addrs) out.add(a);
  return [...out];
}

const trail: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.cloudtrail.trail', [rec.values.name]);
  const { tags, dataClass } = tagAttrs(rec);
  const basic = fromEventSelectors(rawAt(rec.values, 'event_selector'));
  // Values known only after apply that come from bucket or table references (`"${aws_s3_bucket.b.arn}/"`,
  // `aws_dynamodb_table.t.arn`) name those buckets or tables, not every one.
  const basicRefs = refsUnder(rec, 'event_selector.data_resource');
  if (!isUnknown(basic) && basicRefs.length > 0 && basicRefs.every((a) => refersToType(a, 'aws_s3_bucket', 'aws_dynamodb_table'))) {
    for (const e of basic) if ((e.resourceType === 'AWS::S3::Object' || e.resourceType === 'AWS::DynamoDB::Table') && isUnknown(e.allResources)) e.allResources = false;
  }
  const advanced = fromAdvancedSelectors(rawAt(rec.values, 'advanced_event_selector'));
  const selLoc = locOf(rec, rec.values.advanced_event_selector ? 'advanced_event_selector' : 'event_selector');
  const dataEvents: Val =
    isUnknown(basic) || isUnknown(advanced)
      ? { value: undefined, origin: 'unknown', loc: selLoc }
      : { value: [...basic, ...advanced], origin: basic.length + advanced.length > 0 ? 'explicit' : 'default', loc: selLoc };
  const all = Array.isArray(dataEvents.value) ? s3AllBuckets(dataEvents.value as DataEventSelection[]) : UNKNOWN;
  const cwArn = attr<string>(rec, 'cloud_watch_logs_group_arn');
  const management = managementEventsOf(basicSelectors(rawAt(rec.values, 'event_selector')), advancedSelectors(rawAt(rec.values, 'advanced_event_selector')));
  const noSelectors = !isUnknown(basic) && !isUnknown(advanced) && list(rawAt(rec.values, 'event_selector')).length + list(rawAt(rec.values, 'advanced_event_selector')).length === 0;

  r.attrs = {
    name: attr<string>(rec, 'name'),
    isMultiRegion: attr<boolean>(rec, 'is_multi_region_trail', { default: false, map: asBool }),
    includeGlobalServiceEvents: attr<boolean>(rec, 'include_global_service_events', { default: true, map: asBool }),
    logFileValidation: attr<boolean>(rec, 'enable_log_file_validation', { default: false, map: asBool }),
    enableLogging: attr<boolean>(rec, 'enable_logging', { default: true, map: asBool }),
    isOrganizationTrail: attr<boolean>(rec, 'is_organization_trail', { default: false, map: asBool }),
    kmsKeyId: attr<string>(rec, 'kms_key_id'),
    bucketName: attr<string>(rec, 's3_bucket_name'),
    cloudWatchLogsGroupArn: cwArn,
    dataEvents,
    managementEvents: isUnknown(management) ? { value: undefined, origin: 'unknown', loc: selLoc } : { value: management, origin: noSelectors ? 'default' : 'explicit', loc: selLoc },
    s3DataEventsAllBuckets: isUnknown(all) ? { value: undefined, origin: 'unknown', loc: selLoc } : { value: all, origin: dataEvents.origin, loc: selLoc },
    tags,
    dataClass,
  };

  const cw = linkRef(rec, 'cloudWatchLogsGroup', 'cloud_watch_logs_group_arn', ['aws.logs.log-group'], { inverse: 'trails' });
  for (const lit of [...(cw.literals ?? [])]) {
    const m = /:log-group:(.+?)(:\*)?$/.exec(lit);
    if (m) cw.literals!.push(lit.replace(/:\*$/, ''), m[1]!);
  }
  r.linkRefs = [
    linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']),
    linkRef(rec, 'bucket', 's3_bucket_name', ['aws.s3.bucket'], { inverse: 'trails' }),
    cw,
    ...dataEventLinks(rec, dataEvents, selLoc),
  ];
  return r;
};

/** The buckets and tables a trail's or event data store's selectors name (`dataEventBuckets`, `dataEventTables`). */
function dataEventLinks(rec: TfRecord, dataEvents: Val, loc: Val['loc']): LinkRef[] {
  // A selector reference names a bucket or a table: each link keeps the references that may be of its kind.
  const selectorRefs = [...refsUnder(rec, 'event_selector.data_resource'), ...refsUnder(rec, 'advanced_event_selector.field_selector')];
  const events: LinkRef = {
    name: 'dataEventBuckets',
    kinds: ['aws.s3.bucket'],
    addresses: selectorRefs.filter((a) => !refersToType(a, 'aws_dynamodb_table')),
    literals: Array.isArray(dataEvents.value) ? bucketArns(dataEvents.value as DataEventSelection[]) : [],
    inverse: 'dataEventTrails',
    loc,
  };
  const tables: LinkRef = {
    ...events,
    name: 'dataEventTables',
    kinds: ['aws.dynamodb.table'],
    // (a value's references reach what it was computed from too, such as a bucket's key: only tables count)
    addresses: selectorRefs.filter((a) => refersToType(a, 'aws_dynamodb_table', 'aws_dynamodb_table_replica')),
    // a literal table ARN is matched by the check itself, name and Region (the linker would match the name alone)
    literals: [],
  };
  return [events, tables];
}

/**
 * aws_cloudtrail_event_data_store (CloudTrail Lake): records the events its advanced selectors choose (none: all
 * management events, no data events) into the store instead of an S3 bucket; ingesting unless suspended.
 */
const eventDataStore: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.cloudtrail.event-data-store', [rec.values.name]);
  const advanced = fromAdvancedSelectors(rawAt(rec.values, 'advanced_event_selector'));
  const loc = locOf(rec, 'advanced_event_selector');
  const dataEvents: Val = isUnknown(advanced) ? { value: undefined, origin: 'unknown', loc } : { value: advanced, origin: advanced.length ? 'explicit' : 'default', loc };
  const suspended = attr<boolean>(rec, 'suspend', { default: false, map: asBool });
  r.attrs = {
    name: attr<string>(rec, 'name'),
    enabled: suspended.origin === 'unknown' ? suspended : { ...suspended, value: suspended.value !== true },
    isMultiRegion: attr<boolean>(rec, 'multi_region_enabled', { default: true, map: asBool }),
    isOrganization: attr<boolean>(rec, 'organization_enabled', { default: false, map: asBool }),
    dataEvents,
    kmsKeyId: attr<string>(rec, 'kms_key_id'),
    retentionPeriod: attr<number>(rec, 'retention_period', { default: 2557, map: asNumber }),
    ...tagAttrs(rec),
  };
  r.linkRefs = [linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']), ...dataEventLinks(rec, dataEvents, loc)];
  return r;
};

/** Terraform resource type -> adapter. */
export const cloudtrailAdapters: Record<string, TfAdapter> = {
  aws_cloudtrail: trail,
  aws_cloudtrail_event_data_store: eventDataStore,
};
