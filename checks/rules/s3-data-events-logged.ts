import type { Outcome, Observed } from '../engine/evaluate.js';
import type { Resource } from '../model/resource.js';
import { isUnknown } from '../model/value.js';
import { registerCodeCheck } from './registry.js';

/**
 * Object-level reads and writes on the bucket are recorded as CloudTrail S3 data events by a trail
 * that is logging (CIS AWS 3.8/3.9, FERPA-LOG-02): a trail whose selectors cover every bucket, or one
 * whose selectors name this bucket (by reference or ARN) with read and write events.
 *
 * A configuration may not hold the account's trails: with no trail at all in a Terraform input the
 * result is unknown (needs live verification). When the configuration does declare trails and none of
 * them covers the bucket, it fails: the trails this stack manages leave the bucket unlogged (waive it
 * when an organization trail elsewhere covers it). Live with no covering trail fails.
 */
function rw(t: Resource): { read: boolean; write: boolean; unknown: boolean } {
  const v = t.attrs.dataEvents;
  if (!v || v.origin === 'unknown' || !Array.isArray(v.value)) return { read: false, write: false, unknown: v?.origin === 'unknown' };
  let read = false;
  let write = false;
  let unknown = false;
  for (const e of v.value as Array<Record<string, unknown>>) {
    if (isUnknown(e) || isUnknown(e.resourceType)) {
      unknown = true;
      continue;
    }
    if (e.resourceType !== 'AWS::S3::Object') continue;
    if (isUnknown(e.readWriteType)) unknown = true;
    if (e.readWriteType === 'All' || e.readWriteType === 'ReadOnly') read = true;
    if (e.readWriteType === 'All' || e.readWriteType === 'WriteOnly') write = true;
  }
  return { read, write, unknown };
}

registerCodeCheck({
  name: 's3-data-events-logged',
  description: 'A logging CloudTrail trail records S3 data events (reads and writes) for this bucket.',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate(r, ctx): Outcome {
    const trails = ctx.model.ofKind('aws.cloudtrail.trail').filter((t) => t.source === r.source && (r.account === undefined || t.account === undefined || t.account === r.account));
    const evidence: Observed[] = [];
    let unknown = false;
    for (const t of trails) {
      const name = t.address ?? t.arn ?? t.id;
      const logging = t.attrs.enableLogging;
      const all = t.attrs.s3DataEventsAllBuckets;
      for (const v of [logging, all, t.attrs.dataEvents]) if (v?.error) return { truth: 'error', evidence: [{ path: `trails[${name}]`, value: null, loc: v.loc }], error: v.error, loc: v.loc };
      if (logging?.value === false) continue;
      const named = (t.links.dataEventBuckets ?? []).includes(r.id);
      const sel = rw(t);
      evidence.push({ path: `trails[${name}].s3DataEvents`, value: all?.value === true ? 'all buckets' : named ? 'this bucket' : sel.unknown || all?.origin === 'unknown' ? '(known after apply)' : 'not this bucket', loc: t.attrs.dataEvents?.loc ?? t.loc });
      const covers = all?.value === true || (named && sel.read && sel.write);
      if (covers && logging?.origin !== 'unknown') return { truth: 'true', evidence, loc: t.loc, detail: `${name} records S3 data events for this bucket` };
      if (covers || all?.origin === 'unknown' || sel.unknown || (named && (sel.read || sel.write) && sel.unknown)) unknown = true;
      // A trail whose selector names a bucket we cannot resolve may still mean this one.
      const unresolved = (t.linkRefs ?? []).some((l) => l.name === 'dataEventBuckets' && (l.addresses?.length ?? 0) > 0) && (t.links.dataEventBuckets ?? []).length === 0;
      if (unresolved) unknown = true;
    }
    if (unknown) return { truth: 'unknown', evidence, detail: 'a trail may record data events for this bucket, but its selectors are known only after apply' };
    if (trails.length === 0 && r.source !== 'live') {
      return { truth: 'unknown', evidence, loc: r.loc, detail: 'no CloudTrail trail in this configuration; data-event logging needs live verification' };
    }
    return {
      truth: 'false',
      evidence,
      loc: r.loc,
      detail: trails.length ? 'no logging trail records S3 data events (read and write) for this bucket' : 'the account has no CloudTrail trail',
    };
  },
});
