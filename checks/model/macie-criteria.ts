import { isUnknown, UNKNOWN, type UnknownValue } from './value.js';

/**
 * The bucket criteria of a Macie classification job, one shape for every source (Terraform's nested
 * `bucket_criteria` blocks, the API's `bucketCriteria`). Macie joins the conditions of a block with AND,
 * the values of one condition with OR, and lets excludes win over includes; a block that is absent
 * restricts nothing (no includes: every bucket of the account; no excludes: none left out).
 */
export interface MacieBucketCriteria {
  includes: MacieCondition[] | null;
  excludes: MacieCondition[] | null;
}

/** A property condition (ACCOUNT_ID, S3_BUCKET_NAME, S3_BUCKET_EFFECTIVE_PERMISSION, S3_BUCKET_SHARED_ACCESS) or a tag condition. */
export type MacieCondition =
  | { property: string; comparator: string; values: string[] }
  | { comparator: string; tags: Array<{ key: string | null; value: string | null }> };

const blocks = (v: unknown): unknown[] => (Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : []);
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Field names of one source's spelling. */
interface Spelling {
  and: string;
  simple: string;
  tag: string;
  tagValues: string;
  /** Terraform writes each nested object as a block list; the API as an object. */
  nested: (v: unknown) => unknown[];
}

const TERRAFORM: Spelling = { and: 'and', simple: 'simple_criterion', tag: 'tag_criterion', tagValues: 'tag_values', nested: blocks };
const API: Spelling = { and: 'and', simple: 'simpleCriterion', tag: 'tagCriterion', tagValues: 'tagValues', nested: (v) => (v && typeof v === 'object' && !Array.isArray(v) ? [v] : []) };

/** Throws UNKNOWN when any piece that decides a condition is known only after apply. */
function known(v: unknown): unknown {
  if (isUnknown(v)) throw UNKNOWN;
  return v;
}

function conditionsOf(block: unknown, s: Spelling): MacieCondition[] {
  const out: MacieCondition[] = [];
  for (const entry of blocks(known((known(block) as Record<string, unknown>)[s.and]))) {
    const e = known(entry) as Record<string, unknown>;
    for (const c of s.nested(known(e[s.simple]))) {
      const x = known(c) as Record<string, unknown>;
      const values = blocks(known(x.values)).map((v) => String(known(v)));
      out.push({ property: String(known(x.key) ?? ''), comparator: String(known(x.comparator) ?? ''), values });
    }
    for (const c of s.nested(known(e[s.tag]))) {
      const x = known(c) as Record<string, unknown>;
      const tags = blocks(known(x[s.tagValues])).map((t) => {
        const tv = known(t) as Record<string, unknown>;
        return { key: text(known(tv.key)), value: text(known(tv.value)) };
      });
      out.push({ comparator: String(known(x.comparator) ?? ''), tags });
    }
  }
  return out;
}

function normalise(raw: unknown, s: Spelling): MacieBucketCriteria | UnknownValue | undefined {
  try {
    const block = s === TERRAFORM ? blocks(known(raw))[0] : known(raw);
    if (!block || typeof known(block) !== 'object') return undefined;
    const b = block as Record<string, unknown>;
    const side = (v: unknown): MacieCondition[] | null => {
      const first = s.nested(known(v))[0];
      return first === undefined ? null : conditionsOf(first, s);
    };
    const criteria = { includes: side(b.includes), excludes: side(b.excludes) };
    return criteria.includes || criteria.excludes ? criteria : undefined;
  } catch (e) {
    if (isUnknown(e)) return UNKNOWN;
    throw e;
  }
}

/** `s3_job_definition.bucket_criteria` of aws_macie2_classification_job (plan or HCL values). */
export function criteriaFromTerraform(raw: unknown): MacieBucketCriteria | UnknownValue | undefined {
  return normalise(raw, TERRAFORM);
}

/** `bucketCriteria` of a ListClassificationJobs job summary. */
export function criteriaFromApi(raw: unknown): MacieBucketCriteria | undefined {
  const c = normalise(raw, API);
  return isUnknown(c) ? undefined : c;
}
