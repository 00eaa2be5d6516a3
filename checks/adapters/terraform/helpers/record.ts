import type { Resource } from '../../../model/resource.js';
import { isUnknown, type Location } from '../../../model/value.js';
import type { TfRecord } from '../../../sources/terraform/record.js';

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

/** An attribute path without its block indices (`rule.0.id` -> `rule.id`): how `configured` and `references` are keyed. */
export function indexFree(path: string): string {
  return path.replace(/\.\d+(?=\.|$)/g, '');
}

/** Terraform addresses the expression at `path` references (empty when it references none). */
export function referencesOf(rec: TfRecord, path: string): string[] {
  return rec.references[indexFree(path)] ?? rec.references[path] ?? [];
}

/** Adapter paths are a few hundred literals, each read on every record of its type: split once each. */
const SPLIT_PATHS = new Map<string, string[]>();

/** Read a dotted attribute path (`a.b`, `a.0.b`; blocks are arrays, a bare name steps into the first block). */

export function rawAt(values: unknown, path: string): unknown {
  let cur: unknown = values;
  let segs = SPLIT_PATHS.get(path);
  if (!segs) {
    segs = path.split('.');
    // Paths built with indices could be many: the cache stays small whatever the input.
    if (SPLIT_PATHS.size < 4096) SPLIT_PATHS.set(path, segs);
  }
  for (const seg of segs) {
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
 * `{ ...base, address, attribute }` as one literal of a fixed shape (fields the base lacks are
 * undefined, which no reader tells from absent): this runs for every attribute of every resource, and
 * on Node 20 an object built field by field, or by a spread, takes several times longer.
 */
function located(base: Location, address: string, attribute?: string): Location {
  return { file: base.file, line: base.line, column: base.column, address, attribute };
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
  const key = /\.\d/.test(path) ? indexFree(path) : path;
  const exact = attrLocs[path] ?? attrLocs[key];
  if (exact) return exact;
  for (let end = key.lastIndexOf('.'); end > 0; end = key.lastIndexOf('.', end - 1)) {
    const anc = attrLocs[key.slice(0, end)];
    if (anc) return anc;
  }
  return null;
}
