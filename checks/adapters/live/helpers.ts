import type { LinkRef, Resource } from '../../model/resource.js';
import { defaulted, errorVal, known, type Location, type Val } from '../../model/value.js';
import type { Snapshot, SnapshotError, SnapshotResource } from '../../sources/live/snapshot.js';
import { classificationOf } from '../classification.js';

/** What every live adapter gets: the snapshot (for cross-record facts such as AWS-managed keys) and the file shown in findings. */
export interface LiveCtx {
  snapshot: Snapshot;
  file: string;
  /** KMS keys of the snapshot by ARN, key id and alias (ARN and name), with whether AWS manages them. */
  /** KMS keys by ARN, key id and alias ARN: AWS-managed or not (undefined when unknown), or why its metadata could not be read. */
  keys: Map<string, { arn: string; awsManaged: boolean | undefined; error?: string }>;
}

export type LiveAdapter = (rec: SnapshotResource, ctx: LiveCtx) => Resource | Resource[] | undefined;

/** The base of a live model resource: id and address are the ARN. */
export function liveResource(rec: SnapshotResource, kind: string, ctx: LiveCtx, identifiers: unknown[] = []): Resource {
  const ids = [rec.arn, ...identifiers].filter((v): v is string => typeof v === 'string' && v.length > 0);
  return {
    kind,
    id: rec.arn,
    source: 'live',
    address: rec.arn,
    arn: rec.arn,
    sourceType: rec.type,
    loc: { file: ctx.file, address: rec.arn },
    account: rec.account,
    region: rec.region,
    attrs: {},
    links: {},
    identifiers: [...new Set(ids)],
    linkRefs: [],
    input: ctx.file,
  };
}

/** A read failure as the message of an `error` finding: the action, the code and AWS's message. */
export function describeError(e: SnapshotError): string {
  return `${e.call} failed (${e.code})${e.message ? `: ${e.message}` : ''}`;
}

export function locAt(rec: SnapshotResource, ctx: LiveCtx, attribute: string): Location {
  return { file: ctx.file, address: rec.arn, attribute };
}

/** Read a dotted path in the record's data. */
export function dataAt(rec: SnapshotResource, path: string): unknown {
  let cur: unknown = rec.data;
  for (const seg of path.split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) && /^\d+$/.test(seg) ? cur[Number(seg)] : (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

export interface LiveAttrOptions<T> {
  /** The API's default when the field is absent (origin default). Absent without a default stays absent. */
  default?: T;
  map?: (raw: unknown) => T | undefined;
  /** The facet the value comes from: its read failure makes the attribute an error. */
  facet?: string;
}

/**
 * A model value from an API field: present = explicit, absent = the API default (origin default), and
 * an `errorVal` when the facet it comes from could not be read.
 */
export function liveAttr<T = unknown>(rec: SnapshotResource, ctx: LiveCtx, path: string, opts: LiveAttrOptions<T> = {}): Val<T> {
  const loc = locAt(rec, ctx, path);
  const facetName = opts.facet ?? path.split('.')[0]!;
  const err = rec.errors?.[facetName];
  if (err) return errorVal(describeError(err), loc);
  const raw = dataAt(rec, path);
  if (raw === undefined || raw === null) return defaulted(opts.default as T, loc);
  const value = opts.map ? opts.map(raw) : (raw as T);
  return value === undefined ? defaulted(opts.default as T, loc) : known(value, loc);
}

/** A value the adapter computed, with the facet it depends on (error when that facet failed). */
export function computed<T>(rec: SnapshotResource, ctx: LiveCtx, attribute: string, value: T | undefined, facets: string[] = [], origin: 'explicit' | 'default' = 'explicit'): Val<T> {
  const loc = locAt(rec, ctx, attribute);
  for (const f of facets) {
    const err = rec.errors?.[f];
    if (err) return errorVal(describeError(err), loc);
  }
  return { value, origin, loc };
}

/** `tags` and `dataClass` from a tag object (or a failed tag read); see checks/adapters/classification.ts. */
export function tagVals(rec: SnapshotResource, ctx: LiveCtx, path = 'Tags', facet?: string): { tags: Val; dataClass: Val } {
  const tags = liveAttr<Record<string, string>>(rec, ctx, path, { default: {}, facet: facet ?? path.split('.')[0] });
  return { tags, dataClass: classificationOf(tags) };
}

/** A link request by literal ids/ARNs/names (live has no Terraform references). */
export function liveLink(rec: SnapshotResource, ctx: LiveCtx, name: string, literals: unknown, kinds: string[], opts: { inverse?: string; attribute?: string } = {}): LinkRef {
  const lits = (Array.isArray(literals) ? literals : [literals]).filter((v): v is string => typeof v === 'string' && v.length > 0);
  return { name, kinds, literals: lits, loc: locAt(rec, ctx, opts.attribute ?? name), ...(opts.inverse ? { inverse: opts.inverse } : {}) };
}

/** True when a key reference names an AWS-managed key (alias/aws/..., or a key the snapshot shows as KeyManager AWS). */
export function keyIsAwsManaged(ctx: LiveCtx, ref: string | undefined | null): boolean | undefined {
  if (!ref) return undefined;
  if (/^alias\/aws\//.test(ref) || /:alias\/aws\//.test(ref)) return true;
  return keyEntry(ctx, ref)?.awsManaged;
}

function keyEntry(ctx: LiveCtx, ref: string): { awsManaged: boolean | undefined; error?: string } | undefined {
  return ctx.keys.get(ref) ?? ctx.keys.get(ref.split('/').pop() ?? '');
}

/**
 * The "is the key AWS-managed" flag of a resource, as an error when the referenced key's metadata could
 * not be read: then who manages the key is not known, and the flag must not decide a CMK policy.
 */
export function keyFlag(ctx: LiveCtx, ref: string | undefined | null, flag: Val<boolean>): Val<boolean> {
  if (flag.error || !ref || /(^|:)alias\/aws\//.test(ref)) return flag;
  const err = keyEntry(ctx, ref)?.error;
  return err ? errorVal(`key ${ref}: ${err}`, flag.loc) : flag;
}

export { asBool, asNumber } from '../../util/coerce.js';
