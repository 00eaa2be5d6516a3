import { defaulted, errorVal, known, type Val } from '../../../model/value.js';
import type { SnapshotResource } from '../../../sources/live/snapshot.js';
import { dataAt, describeError, locAt, type LiveCtx } from './record.js';

// The words configured, computed and default: ./index.ts.

export interface LiveAttrOptions<T> {
  /** The default: what the API means when its answer leaves the field out (origin `default`). Absent without one stays absent. */
  default?: T;
  map?: (raw: unknown) => T | undefined;
  /** The facet the value comes from: its read failure makes the attribute an error. */
  facet?: string;
}

/**
 * A model value from an API field: present = explicit, absent = the default (origin `default`), and
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

/**
 * A value the adapter derives from the record's fields, with the facets it depends on (an error when
 * one of them could not be read); `origin` says whether the answer set it or the default stands.
 */
export function liveDerived<T>(rec: SnapshotResource, ctx: LiveCtx, attribute: string, value: T | undefined, facets: string[] = [], origin: 'explicit' | 'default' = 'explicit'): Val<T> {
  const loc = locAt(rec, ctx, attribute);
  for (const f of facets) {
    const err = rec.errors?.[f];
    if (err) return errorVal(describeError(err), loc);
  }
  return { value, origin, loc };
}

/**
 * `liveAttr` of a facet the collector reads only sometimes (or only since some version): a record that holds
 * neither the facet nor its read error was never asked, and that is unknown, never the default.
 */
export function liveFacetAttr<T = unknown>(rec: SnapshotResource, ctx: LiveCtx, facet: string, opts: LiveAttrOptions<T> = {}): Val<T> {
  if (facet in rec.data || rec.errors?.[facet] !== undefined) return liveAttr(rec, ctx, facet, opts);
  return { value: undefined, origin: 'unknown', loc: locAt(rec, ctx, facet) };
}

export { asBool, asNumber } from '../../../util/coerce.js';

/**
 * The resource policies a store's facets hold, as one list of documents (`resourcePolicies`): each facet is one
 * policy (text, or null for none) or a list of them. A facet that failed makes the list an error; one the
 * collector never asked (a snapshot from before it read policies) makes it unknown: neither is a pass.
 */
export function livePolicyList(rec: SnapshotResource, ctx: LiveCtx, attribute: string, facets: string[]): Val<unknown[]> {
  const loc = locAt(rec, ctx, attribute);
  const docs: unknown[] = [];
  for (const f of facets) {
    const err = rec.errors?.[f];
    if (err) return errorVal(describeError(err), loc);
    if (!(f in rec.data)) return { value: undefined, origin: 'unknown', loc };
    const raw = rec.data[f];
    for (const p of Array.isArray(raw) ? raw : [raw]) if (p !== null && p !== undefined) docs.push(p);
  }
  return { value: docs, origin: docs.length ? 'explicit' : 'default', loc };
}
