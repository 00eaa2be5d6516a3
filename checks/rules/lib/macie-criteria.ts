import type { MacieBucketCriteria, MacieCondition } from '../../model/macie-criteria.js';

export type Truth = 'true' | 'false' | 'unknown';

/** What the criteria can ask of a bucket; undefined where this input does not know it. */
export interface BucketFacts {
  name: string | undefined;
  account: string | undefined;
  tags: Record<string, string> | undefined;
  /** Some tag values are known only after apply (they may match a condition the known ones do not). */
  tagsPartial?: boolean;
}

/**
 * Whether a job's bucket criteria select the bucket: includes (all conditions) and not excludes (all
 * conditions), in three values. The properties only Macie computes (effective permission, shared
 * access), comparators other than EQ and NE and a block without conditions are unknown, as is a fact
 * this input lacks.
 */
export function criteriaSelect(c: MacieBucketCriteria, bucket: BucketFacts): Truth {
  const included = c.includes ? all(c.includes, bucket) : 'true';
  const excluded = c.excludes ? all(c.excludes, bucket) : 'false';
  if (included === 'false' || excluded === 'true') return 'false';
  if (included === 'unknown' || excluded === 'unknown') return 'unknown';
  return 'true';
}

/** Every condition of a block holds. A block with no conditions is unknown: Macie's documentation does not say what it selects. */
function all(conditions: MacieCondition[], bucket: BucketFacts): Truth {
  if (conditions.length === 0) return 'unknown';
  let out: Truth = 'true';
  for (const c of conditions) {
    const t = holds(c, bucket);
    if (t === 'false') return 'false';
    if (t === 'unknown') out = 'unknown';
  }
  return out;
}

function holds(c: MacieCondition, bucket: BucketFacts): Truth {
  if (c.comparator !== 'EQ' && c.comparator !== 'NE') return 'unknown';
  let any: Truth;
  if ('tags' in c) {
    if (!bucket.tags) return 'unknown';
    const tags = Object.entries(bucket.tags);
    const match = c.tags.some((t) => tags.some(([k, v]) => (t.key === null || t.key === k) && (t.value === null || t.value === v)));
    any = match ? 'true' : bucket.tagsPartial ? 'unknown' : 'false';
  } else {
    const fact = c.property === 'S3_BUCKET_NAME' ? bucket.name : c.property === 'ACCOUNT_ID' ? bucket.account : undefined;
    if (fact === undefined) return 'unknown';
    any = c.values.includes(fact) ? 'true' : 'false';
  }
  if (c.comparator === 'EQ' || any === 'unknown') return any;
  return any === 'true' ? 'false' : 'true';
}
