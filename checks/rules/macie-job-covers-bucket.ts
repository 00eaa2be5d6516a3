import { defineCheck, type Observed } from '../engine/code-check.js';
import type { MacieBucketCriteria } from '../model/macie-criteria.js';
import type { Resource } from '../model/resource.js';
import { isUnknown } from '../model/value.js';
import { settingsAccount } from './lib/region-account.js';
import { criteriaSelect, type BucketFacts, type Truth } from './lib/macie-criteria.js';

/** Job statuses under which a scheduled job still runs: RUNNING, or IDLE between its runs. */
const ACTIVE = new Set(['RUNNING', 'IDLE']);

/**
 * Over an S3 bucket: a scheduled Macie classification job of the same input (live: the same account
 * and region; Macie jobs read the buckets of their own region) names the bucket and is still running.
 * Named = its `buckets` link (Terraform reference, or the literal bucket name) reaches the bucket, or
 * its bucket criteria select it (name, account and tag conditions, excludes winning: lib/macie-criteria).
 * Not covered, it is unknown when a job's criteria may select it (a condition on what only Macie computes,
 * or on a name, tag or account this input does not know), names a bucket known only after
 * apply, or has a type or status known only after apply; when a configuration manages no Macie job at
 * all (they may live in another configuration or the Macie administrator account); and, live, when the
 * account is a Macie member (its administrator runs the jobs). It is an error when the jobs of the
 * region could not be listed, and a fail otherwise.
 */
export const codeCheck = defineCheck({
  name: 'macie-job-covers-bucket',
  description: 'A scheduled, running Macie classification job names the bucket.',
  kinds: ['aws.s3.bucket'],
  messages: {
    covered: 'scanned by scheduled Macie job {job} ({status})',
    coveredByCriteria: 'selected by the bucket criteria of scheduled Macie job {job} ({status})',
    onlyInactive: 'named only by Macie job(s) that do not scan it on a schedule: {jobs}',
    notNamed: 'no Macie classification job names this bucket ({count} job(s) in scope)',
    noJobs: 'this configuration manages no Macie classification job; whether one covers the bucket needs live verification',
    criteria: 'Macie job {job} selects buckets by criteria that may select this bucket but need what only Macie knows (or what this input does not)',
    afterApply: 'Macie job {job} is known only after apply',
    member: 'Macie jobs of this member account are run by its administrator account {admin}, which this audit does not read',
    readError: 'the Macie classification jobs of {region} could not be listed',
  },
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate(bucket, ctx) {
    const live = bucket.source === 'live';
    const jobs = ctx.model.ofKind('aws.macie.classification-job').filter((j) => inScope(j, bucket, live));
    const inactive: string[] = [];
    let undecided: { id: 'criteria' | 'afterApply'; data: { job: string } } | undefined;
    let unreadable: Resource | undefined;
    const facts = bucketFacts(bucket);
    for (const job of jobs) {
      const name = jobName(job);
      if (job.readError) {
        unreadable ??= job;
        continue;
      }
      const selected = selectedByCriteria(job, facts);
      const named = selected === 'true' || ctx.model.linked(job, 'buckets').some((b) => b.id === bucket.id);
      const type = job.attrs.jobType;
      const status = job.attrs.jobStatus;
      const decided = type?.origin !== 'unknown' && status?.origin !== 'unknown';
      if (named) {
        if (!decided) undecided ??= { id: 'afterApply', data: { job: name } };
        else if (type?.value === 'SCHEDULED' && ACTIVE.has(String(status?.value))) {
          const evidence: Observed[] = [
            { path: 'macieJob', value: name, loc: job.loc },
            { path: 'macieJob.jobType', value: type.value, loc: type.loc },
            { path: 'macieJob.jobStatus', value: status?.value, loc: status?.loc },
          ];
          const byCriteria = selected === 'true';
          if (byCriteria) evidence.push({ path: 'macieJob.bucketCriteria', value: job.attrs.bucketCriteria?.value, loc: job.attrs.bucketCriteria?.loc });
          return { truth: 'true', evidence, loc: bucket.loc, message: { id: byCriteria ? 'coveredByCriteria' : 'covered', data: { job: name, status: String(status?.value) } } };
        } else inactive.push(`${name} (${String(type?.value)}, ${String(status?.value)})`);
        continue;
      }
      if (selected === 'unknown') undecided ??= { id: 'criteria', data: { job: name } };
      else if (unexplainedUnknownNames(job, ctx.model.linked(job, 'buckets').length)) undecided ??= { id: 'afterApply', data: { job: name } };
    }
    const evidence: Observed[] = [{ path: 'macieJobs', value: jobs.filter((j) => !j.readError).map(jobName), loc: bucket.loc }];
    if (unreadable) {
      const error = unreadable.readError!;
      return { truth: 'error', evidence, error, loc: unreadable.loc, message: { id: 'readError', data: { region: unreadable.region ?? 'this region' } } };
    }
    if (undecided) return { truth: 'unknown', evidence, loc: bucket.loc, message: undecided };
    if (inactive.length) return { truth: 'false', evidence, loc: bucket.loc, message: { id: 'onlyInactive', data: { jobs: inactive.join(', ') } } };
    if (live) {
      const admin = settingsAccount(ctx.model.ofKind('aws.account'), bucket)?.attrs.macieAdministrator;
      if (admin?.error) return { truth: 'error', evidence, error: admin.error, loc: admin.loc, message: { id: 'readError', data: { region: bucket.region ?? 'this region' } } };
      if (typeof admin?.value === 'string' && admin.value) return { truth: 'unknown', evidence, loc: bucket.loc, message: { id: 'member', data: { admin: admin.value } } };
    } else if (!jobs.length) return { truth: 'unknown', evidence, loc: bucket.loc, message: { id: 'noJobs' } };
    return { truth: 'false', evidence, loc: bucket.loc, message: { id: 'notNamed', data: { count: jobs.length } } };
  },
});

/** Name, account and tags of the bucket where this input knows them. */
function bucketFacts(bucket: Resource): BucketFacts {
  const name = bucket.attrs.bucketName;
  const tags = bucket.attrs.tags;
  const facts: BucketFacts = {
    name: name?.origin !== 'unknown' && typeof name?.value === 'string' ? name.value : undefined,
    account: typeof bucket.account === 'string' ? bucket.account : undefined,
    tags: undefined,
  };
  if (tags?.origin !== 'unknown' && !tags?.error && tags?.value && typeof tags.value === 'object' && !Array.isArray(tags.value)) {
    facts.tags = {};
    for (const [k, v] of Object.entries(tags.value as Record<string, unknown>)) {
      if (typeof v === 'string') facts.tags[k] = v;
      else facts.tagsPartial = true;
    }
  }
  return facts;
}

/** Whether the job's criteria select the bucket; undefined when the job has none (it names its buckets). */
function selectedByCriteria(job: Resource, facts: BucketFacts): Truth | undefined {
  const c = job.attrs.bucketCriteria;
  if (!c || c.error) return c?.error ? 'unknown' : undefined;
  if (c.origin === 'unknown') return 'unknown';
  if (!c.value) return job.attrs.usesBucketCriteria?.value === true ? 'unknown' : undefined;
  return criteriaSelect(c.value as MacieBucketCriteria, facts);
}

function jobName(job: Resource): string {
  const n = job.attrs.name?.value;
  return typeof n === 'string' && n ? n : (job.address ?? job.id);
}

/** The same source (a model holds one input group); live, the same account and region (Terraform: the same region where both are known). */
function inScope(job: Resource, bucket: Resource, live: boolean): boolean {
  if (job.source !== bucket.source) return false;
  if (live) return job.account === bucket.account && job.region === bucket.region;
  return !job.region || !bucket.region || job.region === bucket.region;
}

/** A bucket name known only after apply that no resolved reference accounts for (it may be this bucket). */
function unexplainedUnknownNames(job: Resource, linked: number): boolean {
  const names = job.attrs.bucketNames;
  if (names?.origin === 'unknown') return linked === 0;
  const unknown = (Array.isArray(names?.value) ? names.value : []).filter((n) => isUnknown(n)).length;
  return unknown > linked;
}
