import type { LinkRef, Resource } from '../../model/resource.js';
import { isUnknown, isUnknownJson, type Location, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { classificationOf } from '../classification.js';

/** A Terraform adapter: one record in, zero or more model resources (or facets) out. */
export type TfAdapter = (rec: TfRecord) => Resource | Resource[] | undefined;

/** The base of a model resource for a Terraform record; adapters add attrs and linkRefs. */
export function tfResource(rec: TfRecord, kind: string, extraIdentifiers: unknown[] = []): Resource {
  const ids = [rec.values.id, rec.values.arn, ...extraIdentifiers].filter((v): v is string => typeof v === 'string' && v.length > 0);
  return {
    kind,
    id: rec.address,
    source: rec.source,
    address: rec.address,
    arn: typeof rec.values.arn === 'string' ? rec.values.arn : null,
    sourceType: rec.type,
    loc: withAddress(rec),
    region: rec.region,
    actions: rec.actions,
    attrs: {},
    links: {},
    identifiers: ids,
    linkRefs: [],
    input: rec.input,
  };
}

/** Read a dotted attribute path (`a.b`, `a.0.b`; blocks are arrays, a bare name steps into the first block). */
export function rawAt(values: unknown, path: string): unknown {
  let cur: unknown = values;
  for (const seg of path.split('.')) {
    if (isUnknown(cur)) return cur;
    if (cur === null || cur === undefined) return undefined;
    if (Array.isArray(cur)) {
      if (/^\d+$/.test(seg)) {
        cur = cur[Number(seg)];
        continue;
      }
      cur = cur[0];
      if (isUnknown(cur)) return cur;
      if (cur === null || cur === undefined) return undefined;
    }
    if (typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** The record's block location with its address. */
export function withAddress(rec: TfRecord): Location {
  return located(rec.loc, rec.address);
}

/**
 * `{ ...base, address, attribute }`, built field by field: on Node 20 a spread that adds properties
 * is several times slower, and this runs for every attribute of every resource.
 */
function located(base: Location, address: string, attribute?: string): Location {
  const loc: Location = {};
  if (base.file !== undefined) loc.file = base.file;
  if (base.line !== undefined) loc.line = base.line;
  if (base.column !== undefined) loc.column = base.column;
  loc.address = address;
  if (attribute !== undefined) loc.attribute = attribute;
  return loc;
}

/** Location of an attribute: its own file/line when the source knows it, else the block's. */
const BLOCK_LOCS = new WeakMap<TfRecord, Location>();

export function locOf(rec: TfRecord, path: string): Location {
  // Plans have no attribute positions: the block location is all there is, shared by every attribute
  // of the record (a hot path on big plans: one object per record, not one per attribute).
  if (!rec.attrLocs) {
    let shared = BLOCK_LOCS.get(rec);
    if (!shared) BLOCK_LOCS.set(rec, (shared = withAddress(rec)));
    return shared;
  }
  const base = writtenAt(rec.attrLocs, path) ?? rec.loc;
  return located(base, rec.address, path);
}

/** The attribute's own position, else its nearest configured ancestor's (a block); null when neither was written. */
function writtenAt(attrLocs: Record<string, Location>, path: string): Location | null {
  const key = /\.\d/.test(path) ? path.replace(/\.\d+(?=\.|$)/g, '') : path;
  const exact = attrLocs[path] ?? attrLocs[key];
  if (exact) return exact;
  for (let end = key.lastIndexOf('.'); end > 0; end = key.lastIndexOf('.', end - 1)) {
    const anc = attrLocs[key.slice(0, end)];
    if (anc) return anc;
  }
  return null;
}

function configured(rec: TfRecord, path: string): boolean | undefined {
  if (!rec.configured) return undefined;
  const key = path.replace(/\.\d+(?=\.|$)/g, '');
  return rec.configured.has(key) || rec.configured.has(path);
}

export interface AttrOptions<T> {
  /** Provider/API default when the attribute is absent or null. */
  default?: T;
  /** Convert the raw value (not called for unknown). */
  map?: (raw: unknown) => T | undefined;
}

/**
 * A model value for a Terraform attribute. Unknown stays unknown; absent takes the default (origin
 * `default`); present is `explicit` unless the source says it was not written in the configuration.
 */
export function attr<T = unknown>(rec: TfRecord, path: string, opts: AttrOptions<T> = {}): Val<T> {
  const raw = rawAt(rec.values, path);
  const loc = locOf(rec, path);
  if (isUnknown(raw)) return { value: undefined, origin: 'unknown', loc };
  if (raw === undefined || raw === null) {
    return { value: opts.default, origin: 'default', loc };
  }
  const value = opts.map ? opts.map(raw) : (raw as T);
  const isConfigured = configured(rec, path);
  return { value, origin: isConfigured === false ? 'default' : 'explicit', loc };
}

/** A value computed by the adapter from other attributes (keeps the most uncertain origin). */
export function derived<T>(value: T | undefined, from: Val[], loc?: Location): Val<T> {
  if (from.some((v) => v.origin === 'unknown')) return { value: undefined, origin: 'unknown', loc: loc ?? from[0]?.loc };
  return { value, origin: from.some((v) => v.origin === 'explicit') ? 'explicit' : 'default', loc: loc ?? from.find((v) => v.origin === 'explicit')?.loc ?? from[0]?.loc };
}

/** Every string in a raw value (for literal ids / ARNs inside lists). */
function strings(raw: unknown): string[] {
  if (typeof raw === 'string') return raw ? [raw] : [];
  if (Array.isArray(raw)) return raw.flatMap(strings);
  return [];
}

/**
 * A link request for an attribute: by the Terraform references of its expression, and by the literal
 * ids/ARNs/names it holds (for values written literally, or known in the plan).
 */
export function linkRef(rec: TfRecord, name: string, path: string, kinds: string[], opts: { inverse?: string } = {}): LinkRef {
  const key = path.replace(/\.\d+(?=\.|$)/g, '');
  const addresses = rec.references[key] ?? rec.references[path] ?? [];
  const raw = rawAt(rec.values, path);
  return { name, kinds, addresses, literals: isUnknown(raw) ? [] : strings(raw), loc: locOf(rec, path), ...(opts.inverse ? { inverse: opts.inverse } : {}) };
}

export { asBool, asNumber } from '../../util/coerce.js';

/**
 * `tags` (tags_all when known and not empty: it includes the provider's default_tags) and the
 * `dataClass` they give (checks/adapters/classification.ts).
 */
export function tagAttrs(rec: TfRecord): { tags: Val; dataClass: Val } {
  const all = attr<Record<string, unknown>>(rec, 'tags_all');
  const own = attr<Record<string, unknown>>(rec, 'tags', { default: {} });
  const tags = all.origin !== 'unknown' && all.value && typeof all.value === 'object' && Object.keys(all.value).length ? all : own;
  return { tags, dataClass: classificationOf(tags) };
}

/**
 * Parse a JSON-encoded attribute (policy documents, container definitions); unknown stays unknown, and
 * JSON known only after apply keeps its known structure as the value (an `UnknownJson`, origin unknown).
 */
export function jsonAttr(rec: TfRecord, path: string): Val<unknown> {
  const v = attr<unknown>(rec, path);
  if (v.origin === 'unknown') return partialJsonVal(rec, path, v);
  if (typeof v.value !== 'string') return v;
  try {
    return { ...v, value: JSON.parse(v.value) };
  } catch {
    return { value: undefined, origin: 'unknown', loc: v.loc };
  }
}

/** An unknown attribute whose JSON text is partly known keeps that `UnknownJson` as its value. */
export function partialJsonVal(rec: TfRecord, path: string, v: Val): Val {
  const raw = rawAt(rec.values, path);
  return isUnknownJson(raw) ? { value: raw, origin: 'unknown', loc: v.loc } : v;
}
