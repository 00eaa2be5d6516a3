import { defineCheck } from '../engine/code-check.js';
import type { Resource } from '../model/resource.js';
import { dataEventsRecorded } from './lib/data-events.js';

/**
 * Object-level reads and writes on the bucket are recorded as CloudTrail S3 data events by a trail
 * that is logging (CIS AWS 3.8/3.9, FERPA-LOG-02): a trail whose selectors cover every bucket, or one
 * whose selectors name this bucket with read and write events: by a resolved Terraform reference
 * (the `dataEventBuckets` link), or by an ARN prefix that is exactly the bucket (`arn:aws:s3:::b/`; a
 * folder prefix covers only part of it). The rest (Regions, trails outside the configuration) is
 * lib/data-events.ts.
 */

/** The selector's ARN prefixes name exactly this bucket (`arn:aws:s3:::b/` or `arn:aws:s3:::b`), not a folder in it. */
function namesBucket(prefixes: unknown[], r: Resource): boolean | 'unknown' {
  const bucket = typeof r.attrs.bucketName?.value === 'string' ? r.attrs.bucketName.value : undefined;
  if (!bucket) return prefixes.length > 0 ? 'unknown' : false;
  return prefixes.some((p) => typeof p === 'string' && /^arn:aws[a-z-]*:s3:::/.test(p) && p.replace(/^arn:aws[a-z-]*:s3:::/, '').replace(/\/$/, '') === bucket);
}

export const codeCheck = defineCheck({
  name: 's3-data-events-logged',
  description: 'A logging CloudTrail trail records S3 data events (reads and writes) for this bucket.',
  kinds: ['aws.s3.bucket'],
  messages: {
    trailRecords: '{trail} records S3 data events for this bucket',
    selectorsUnknown: 'a trail or event data store may record data events for this bucket, but its selectors are known only after apply',
    noTrailInConfiguration: 'no CloudTrail trail or event data store in this configuration; data-event logging needs live verification',
    notRecorded: 'no logging trail or ingesting event data store records S3 data events (read and write) for this bucket',
    noTrail: 'the account has no CloudTrail trail or event data store',
  },
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate: (r, ctx) =>
    dataEventsRecorded(r, ctx, { resourceType: 'AWS::S3::Object', link: 'dataEventBuckets', allFlag: 's3DataEventsAllBuckets', names: namesBucket, evidence: { attribute: 's3DataEvents', noun: 'bucket' } }),
});
