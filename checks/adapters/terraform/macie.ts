import { criteriaFromTerraform, type MacieBucketCriteria } from '../../model/macie-criteria.js';
import { InputError } from '../../errors.js';
import { isUnknown, UNKNOWN, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { attr, computedAttr, linkRef, locOf, rawAt, tfResource, type TfAdapter } from './helpers/index.js';

const blocks = (v: unknown): unknown[] => (Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : []);

/**
 * Every bucket name of every bucket_definitions block (one block per account). An element known only
 * after apply stays an unknown marker (a reference to a bucket explains it through the `buckets` link);
 * a definition list unknown as a whole makes the attribute unknown.
 */
function bucketNames(rec: TfRecord): Val<unknown[]> {
  const path = 's3_job_definition.bucket_definitions';
  const loc = locOf(rec, path);
  const defs = rawAt(rec.values, path);
  if (isUnknown(defs)) return { value: undefined, origin: 'unknown', loc };
  const names: unknown[] = [];
  for (const d of blocks(defs)) {
    if (isUnknown(d)) return { value: undefined, origin: 'unknown', loc };
    const buckets = (d as { buckets?: unknown }).buckets;
    if (isUnknown(buckets)) names.push(UNKNOWN);
    else for (const b of Array.isArray(buckets) ? buckets : []) names.push(isUnknown(b) ? UNKNOWN : b);
  }
  return { value: names, origin: names.length ? 'explicit' : 'default', loc };
}

/** Whether the job selects buckets by criteria: a bucket_criteria block with anything in it. */
function usesBucketCriteria(rec: TfRecord): Val<boolean> {
  const path = 's3_job_definition.bucket_criteria';
  const loc = locOf(rec, path);
  const v = rawAt(rec.values, path);
  if (isUnknown(v)) return { value: undefined, origin: 'unknown', loc };
  return { value: blocks(v).length > 0, origin: blocks(v).length ? 'explicit' : 'default', loc };
}

/** The job's bucket criteria in the shape every source shares (undefined: it names its buckets instead). */
function bucketCriteria(rec: TfRecord): Val<MacieBucketCriteria> {
  const path = 's3_job_definition.bucket_criteria';
  const loc = locOf(rec, path);
  let c: ReturnType<typeof criteriaFromTerraform>;
  try {
    c = criteriaFromTerraform(rawAt(rec.values, path));
  } catch (e) {
    // A shape Terraform's schema refuses is the input's fault in HCL as in a plan: one line, exit 2.
    if (!(e instanceof TypeError)) throw e;
    const where = loc?.file ? `${loc.file}${loc.line ? `:${loc.line}` : ''}` : rec.input;
    throw new InputError(`${rec.address}: ${path} not in the shape the provider's schema allows (${e.message})`, where);
  }
  if (isUnknown(c)) return { value: undefined, origin: 'unknown', loc };
  return { value: c, origin: c ? 'explicit' : 'default', loc };
}

/** aws_macie2_classification_job: a Macie sensitive data discovery job over named or matching buckets. */
const classificationJob: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.macie.classification-job', [rec.values.job_id]);
  r.attrs = {
    name: computedAttr<string>(rec, 'name'),
    jobType: attr<string>(rec, 'job_type'),
    // The provider creates a job RUNNING unless job_status says otherwise.
    jobStatus: computedAttr<string>(rec, 'job_status', { default: 'RUNNING' }),
    bucketNames: bucketNames(rec),
    usesBucketCriteria: usesBucketCriteria(rec),
    bucketCriteria: bucketCriteria(rec),
  };
  // Literal names of every definition block (linkRef alone reads the first block's).
  const literals = (r.attrs.bucketNames!.value as unknown[] | undefined)?.filter((b): b is string => typeof b === 'string' && b !== '') ?? [];
  r.linkRefs!.push({ ...linkRef(rec, 'buckets', 's3_job_definition.bucket_definitions.buckets', ['aws.s3.bucket']), literals });
  return r;
};

export const macieAdapters: Record<string, TfAdapter> = { aws_macie2_classification_job: classificationJob };
