import { defineCheck, type Observed } from '../engine/code-check.js';
import { ofKind, type KindResource } from '../model/typed.js';
import { isUnknown } from '../model/value.js';

/**
 * Object-level reads and writes on the bucket are recorded as CloudTrail S3 data events by a trail
 * that is logging (CIS AWS 3.8/3.9, FERPA-LOG-02): a trail whose selectors cover every bucket, or one
 * whose selectors name this bucket with read and write events: by a resolved Terraform reference
 * (the `dataEventBuckets` link; every S3 selector of that trail then counts for it), or by an ARN
 * prefix that is exactly the bucket (`arn:aws:s3:::b/`; a folder prefix covers only part of it).
 *
 * A single-Region trail records only its own Region's events, so it covers no bucket of another Region.
 *
 * A configuration may not hold the account's trails: with no trail at all in a Terraform input the
 * result is unknown (needs live verification). When the configuration does declare trails and none of
 * them covers the bucket, it fails: the trails this stack manages leave the bucket unlogged (waive it
 * when an organization trail elsewhere covers it). Live with no covering trail fails.
 */
interface Coverage {
  read: boolean;
  write: boolean;
  unknown: boolean;
}

/**
 * Read/write coverage of the trail's S3 data-event selectors that match `select` (all S3 selectors,
 * the every-bucket ones, or the ones whose ARN prefix is exactly this bucket).
 */
function coverage(t: KindResource<'aws.cloudtrail.trail'>, select: (e: Record<string, unknown>) => boolean | 'unknown'): Coverage {
  const v = t.attrs.dataEvents;
  if (!v || v.origin === 'unknown' || !Array.isArray(v.value)) return { read: false, write: false, unknown: v?.origin === 'unknown' };
  const out: Coverage = { read: false, write: false, unknown: false };
  for (const e of v.value as Array<Record<string, unknown>>) {
    if (isUnknown(e) || isUnknown(e.resourceType)) {
      out.unknown = true;
      continue;
    }
    if (e.resourceType !== 'AWS::S3::Object') continue;
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

/** The selector's ARN prefixes name exactly this bucket (`arn:aws:s3:::b/` or `arn:aws:s3:::b`), not a folder in it. */
function namesBucket(e: Record<string, unknown>, bucket: string | undefined): boolean | 'unknown' {
  const prefixes = Array.isArray(e.arnPrefixes) ? e.arnPrefixes : [];
  if (!bucket) return prefixes.length > 0 ? 'unknown' : false;
  if (prefixes.some((p) => typeof p === 'string' && /^arn:aws[a-z-]*:s3:::/.test(p) && p.replace(/^arn:aws[a-z-]*:s3:::/, '').replace(/\/$/, '') === bucket)) return true;
  return false;
}

export const codeCheck = defineCheck({
  name: 's3-data-events-logged',
  description: 'A logging CloudTrail trail records S3 data events (reads and writes) for this bucket.',
  kinds: ['aws.s3.bucket'],
  messages: {
    trailRecords: '{trail} records S3 data events for this bucket',
    selectorsUnknown: 'a trail may record data events for this bucket, but its selectors are known only after apply',
    noTrailInConfiguration: 'no CloudTrail trail in this configuration; data-event logging needs live verification',
    notRecorded: 'no logging trail records S3 data events (read and write) for this bucket',
    noTrail: 'the account has no CloudTrail trail',
  },
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate(r, ctx) {
    const trails = ofKind(ctx.model, 'aws.cloudtrail.trail').filter((t) => t.source === r.source && (r.account === undefined || t.account === undefined || t.account === r.account));
    const evidence: Observed[] = [];
    let unknown = false;
    const bucketName = typeof r.attrs.bucketName?.value === 'string' ? r.attrs.bucketName.value : undefined;
    for (const t of trails) {
      const name = t.address ?? t.arn ?? t.id;
      const logging = t.attrs.enableLogging;
      const all = t.attrs.s3DataEventsAllBuckets;
      for (const v of [logging, all, t.attrs.dataEvents]) if (v?.error) return { truth: 'error', evidence: [{ path: `trails[${name}]`, value: null, loc: v.loc }], error: v.error, loc: v.loc };
      if (logging?.value === false) continue;
      // A single-Region trail records the events of its own Region only: a bucket elsewhere is not logged by it.
      const multi = t.attrs.isMultiRegion;
      const elsewhere = !!t.region && !!r.region && r.region !== 'global' && t.region !== r.region;
      if (elsewhere && multi?.origin !== 'unknown' && multi?.value !== true) {
        evidence.push({ path: `trails[${name}].isMultiRegion`, value: false, loc: multi?.loc ?? t.loc });
        continue;
      }
      const regionUnknown = elsewhere && multi?.origin === 'unknown';
      // Every bucket: the adapter's flag when set, else the selectors themselves (reads and writes).
      const everyBucket = all && all.origin !== 'unknown' && all.value !== undefined ? { read: all.value === true, write: all.value === true, unknown: false } : all?.origin === 'unknown' ? { read: false, write: false, unknown: true } : coverage(t, (e) => (isUnknown(e.allResources) ? 'unknown' : e.allResources === true));
      // This bucket: named by a resolved link (Terraform references) or by its exact ARN prefix.
      const linked = (t.links.dataEventBuckets ?? []).includes(r.id);
      const named = coverage(t, (e) => (linked ? true : namesBucket(e, bucketName)));
      const covers = (everyBucket.read && everyBucket.write) || (named.read && named.write) || (everyBucket.read && named.write) || (named.read && everyBucket.write);
      evidence.push({ path: `trails[${name}].s3DataEvents`, value: covers ? 'this bucket' : everyBucket.unknown || named.unknown ? '(known after apply)' : 'not this bucket', loc: t.attrs.dataEvents?.loc ?? t.loc });
      if (covers && logging?.origin !== 'unknown' && !regionUnknown) return { truth: 'true', evidence, loc: t.loc, message: { id: 'trailRecords', data: { trail: name } } };
      if (covers || everyBucket.unknown || named.unknown) unknown = true;
      // A trail whose selector names a bucket we cannot resolve may still mean this one.
      const unresolved = (t.linkRefs ?? []).some((l) => l.name === 'dataEventBuckets' && (l.addresses?.length ?? 0) > 0) && (t.links.dataEventBuckets ?? []).length === 0;
      if (unresolved) unknown = true;
    }
    if (unknown) return { truth: 'unknown', evidence, message: { id: 'selectorsUnknown' } };
    if (trails.length === 0 && r.source !== 'live') {
      return { truth: 'unknown', evidence, loc: r.loc, message: { id: 'noTrailInConfiguration' } };
    }
    return {
      truth: 'false',
      evidence,
      loc: r.loc,
      message: { id: trails.length ? 'notRecorded' : 'noTrail' },
    };
  },
});
