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

/**
 * A value of a type neither Terraform nor the API writes here. A TypeError: the adapters report it as
 * an input not in the provider's or the API's shape (exit 2), never as criteria that restrict nothing.
 */
function misshapen(what: string): never {
  throw new TypeError(`bucket criteria: ${what}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A block list (Terraform) or object list (the API's `and`); one object stands for a list of one. */
function blocks(v: unknown): unknown[] {
  if (v === null || v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  for (const b of list) if (!isUnknown(b) && !isObject(b)) misshapen('a condition block that is not an object');
  return list;
}

/** The API writes a nested condition as one object, never a list. */
function apiObject(v: unknown): unknown[] {
  if (v === null || v === undefined) return [];
  if (!isObject(v)) misshapen('a condition that is not an object');
  return [v];
}

/** A string field (key, comparator, tag key or value); absent is null. */
function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') misshapen('a key, comparator or tag that is not text');
  return v;
}

/** A condition's values: text (an account id written as a number in HCL is text to the provider). */
function values(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) misshapen('values that are not a list');
  return v.map((x) => {
    const k = known(x);
    if (typeof k !== 'string' && typeof k !== 'number') misshapen('a value that is not text');
    return String(k);
  });
}

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
const API: Spelling = { and: 'and', simple: 'simpleCriterion', tag: 'tagCriterion', tagValues: 'tagValues', nested: apiObject };

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
      out.push({ property: text(known(x.key)) ?? '', comparator: text(known(x.comparator)) ?? '', values: values(known(x.values)) });
    }
    for (const c of s.nested(known(e[s.tag]))) {
      const x = known(c) as Record<string, unknown>;
      const tags = blocks(known(x[s.tagValues])).map((t) => {
        const tv = known(t) as Record<string, unknown>;
        const key = text(known(tv.key));
        const value = text(known(tv.value));
        return { key: key === '' ? null : key, value: value === '' ? null : value };
      });
      out.push({ comparator: text(known(x.comparator)) ?? '', tags });
    }
  }
  return out;
}

function normalise(raw: unknown, s: Spelling): MacieBucketCriteria | UnknownValue | undefined {
  try {
    const block = s === TERRAFORM ? blocks(known(raw))[0] : s.nested(known(raw))[0];
    if (block === undefined) return undefined;
    const b = known(block) as Record<string, unknown>;
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
