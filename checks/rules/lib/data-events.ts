import type { CheckContext, Observed } from '../../engine/code-check.js';
import type { Resource } from '../../model/resource.js';
import { ofKind, type KindResource } from '../../model/typed.js';
import { isUnknown } from '../../model/value.js';

/**
 * Whether a logging CloudTrail trail records the data events (reads and writes) of one resource: a trail
 * whose selectors of `resourceType` cover every resource of the type, or name this one, by a resolved
 * Terraform reference (the trail's `link`; every selector of the type on that trail then counts for it) or
 * by an ARN prefix that is exactly this resource (`names`).
 *
 * A single-Region trail records only its own Region's events, so it covers no resource of another Region.
 * A configuration may not hold the account's trails: with no trail at all in a Terraform input the result
 * is unknown (needs live verification). When the configuration does declare trails and none of them covers
 * the resource, it fails: the trails this stack manages leave it unlogged (waive it when an organization
 * trail elsewhere covers it). Live with no covering trail fails.
 */
export interface DataEventTarget {
  /** The `resources.type` / data_resource type the selectors name (AWS::S3::Object, AWS::DynamoDB::Table). */
  resourceType: string;
  /** The trail's link to the resources its selectors name by reference or ARN. */
  link: string;
  /** The trail's every-resource flag for the type, when its adapter keeps one (S3: s3DataEventsAllBuckets). */
  allFlag?: 's3DataEventsAllBuckets';
  /** Whether a selector's ARN prefixes name exactly this resource (not a part of it). */
  names(prefixes: unknown[], r: Resource): boolean | 'unknown';
  /** The evidence each trail gives: `trails[<trail>].<attribute>` = `this <noun>` or `not this <noun>`. */
  evidence: { attribute: string; noun: string };
}

export type DataEventMessage = { id: 'trailRecords'; data: { trail: string } } | { id: 'selectorsUnknown' } | { id: 'noTrailInConfiguration' } | { id: 'notRecorded' } | { id: 'noTrail' };

export interface DataEventVerdict {
  truth: 'true' | 'false' | 'unknown' | 'error';
  evidence: Observed[];
  loc?: Resource['loc'];
  error?: string;
  message?: DataEventMessage;
}

interface Coverage {
  read: boolean;
  write: boolean;
  unknown: boolean;
}

type Recorder = KindResource<'aws.cloudtrail.trail'> | KindResource<'aws.cloudtrail.event-data-store'>;

/** Read/write coverage of the recorder's selectors of the type that match `select`. */
function coverage(t: Recorder, type: string, select: (e: Record<string, unknown>) => boolean | 'unknown'): Coverage {
  const v = t.attrs.dataEvents;
  if (!v || v.origin === 'unknown' || !Array.isArray(v.value)) return { read: false, write: false, unknown: v?.origin === 'unknown' };
  const out: Coverage = { read: false, write: false, unknown: false };
  for (const e of v.value as Array<Record<string, unknown>>) {
    if (isUnknown(e) || isUnknown(e.resourceType)) {
      out.unknown = true;
      continue;
    }
    if (e.resourceType !== type) continue;
    const sel = select(e);
    if (sel === false) continue;
    if (sel === 'unknown' || isUnknown(e.readWriteType)) {
      out.unknown = true;
      continue;
    }
    if (e.readWriteType === 'All' || e.readWriteType === 'ReadOnly') out.read = true;
    if (e.readWriteType === 'All' || e.readWriteType === 'WriteOnly') out.write = true;
  }
  return out;
}

export function dataEventsRecorded(r: Resource, ctx: CheckContext, target: DataEventTarget): DataEventVerdict {
  const mine = (t: Resource) => t.source === r.source && (r.account === undefined || t.account === undefined || t.account === r.account);
  // Trails, and CloudTrail Lake event data stores, which record the events their selectors choose as a trail does.
  const trails: Recorder[] = [...ofKind(ctx.model, 'aws.cloudtrail.trail').filter(mine), ...ofKind(ctx.model, 'aws.cloudtrail.event-data-store').filter(mine)];
  const evidence: Observed[] = [];
  let unknown = false;
  // A recorder that could not be read decides only if no other one records the resource.
  let failed: DataEventVerdict | undefined;
  for (const t of trails) {
    const store = t.kind === 'aws.cloudtrail.event-data-store';
    const name = t.address ?? t.arn ?? t.id;
    const path = `${store ? 'eventDataStores' : 'trails'}[${name}]`;
    const logging = store ? t.attrs.enabled : t.attrs.enableLogging;
    const all = target.allFlag && !store ? t.attrs[target.allFlag] : undefined;
    const broken = [logging, all, t.attrs.dataEvents].find((v) => v?.error);
    if (broken) {
      failed ??= { truth: 'error', evidence: [{ path, value: null, loc: broken.loc }], error: broken.error, loc: broken.loc };
      continue;
    }
    if (logging?.value === false) continue;
    // A single-Region trail records the events of its own Region only: a resource elsewhere is not logged by it.
    const multi = t.attrs.isMultiRegion;
    const elsewhere = !!t.region && !!r.region && r.region !== 'global' && t.region !== r.region;
    if (elsewhere && multi?.origin !== 'unknown' && multi?.value !== true) {
      evidence.push({ path: `${path}.isMultiRegion`, value: false, loc: multi?.loc ?? t.loc });
      continue;
    }
    const regionUnknown = elsewhere && multi?.origin === 'unknown';
    // Every resource of the type: the adapter's flag when set, else the selectors themselves (reads and writes).
    const everyOne =
      all && all.origin !== 'unknown' && all.value !== undefined
        ? { read: all.value === true, write: all.value === true, unknown: false }
        : all?.origin === 'unknown'
          ? { read: false, write: false, unknown: true }
          : coverage(t, target.resourceType, (e) => (isUnknown(e.allResources) ? 'unknown' : e.allResources === true));
    // This resource: named by a resolved link (Terraform references) or by its exact ARN prefix.
    const linked = (t.links[target.link] ?? []).includes(r.id);
    const named = coverage(t, target.resourceType, (e) => (linked ? true : target.names(Array.isArray(e.arnPrefixes) ? e.arnPrefixes : [], r)));
    const covers = (everyOne.read && everyOne.write) || (named.read && named.write) || (everyOne.read && named.write) || (named.read && everyOne.write);
    const { attribute, noun } = target.evidence;
    evidence.push({ path: `${path}.${attribute}`, value: covers ? `this ${noun}` : everyOne.unknown || named.unknown ? '(known after apply)' : `not this ${noun}`, loc: t.attrs.dataEvents?.loc ?? t.loc });
    if (covers && logging?.origin !== 'unknown' && !regionUnknown) return { truth: 'true', evidence, loc: t.loc, message: { id: 'trailRecords', data: { trail: name } } };
    if (covers || everyOne.unknown || named.unknown) unknown = true;
    // A trail whose selector names a resource we cannot resolve may still mean this one.
    const unresolved = (t.linkRefs ?? []).some((l) => l.name === target.link && (l.addresses?.length ?? 0) > 0) && (t.links[target.link] ?? []).length === 0;
    if (unresolved) unknown = true;
  }
  if (failed) return failed;
  if (unknown) return { truth: 'unknown', evidence, message: { id: 'selectorsUnknown' } };
  if (trails.length === 0 && r.source !== 'live') return { truth: 'unknown', evidence, loc: r.loc, message: { id: 'noTrailInConfiguration' } };
  return { truth: 'false', evidence, loc: r.loc, message: { id: trails.length ? 'notRecorded' : 'noTrail' } };
}
