import { KINDS } from '../model/kinds/index.js';
import type { Resource } from '../model/resource.js';
import { isUnknown, type Location, type Val } from '../model/value.js';

/**
 * The one place a resource's data classification is read from its tags (Terraform and live alike).
 * Keys are tried in order; the first one present decides. The profile may replace the list
 * (`classificationTagKeys`).
 */
export const DEFAULT_CLASSIFICATION_TAG_KEYS: readonly string[] = ['DataClassification', 'DataClass', 'data_classification', 'data-classification', 'Classification'];

/**
 * The `dataClass` of a data store that carries no classification tag while the profile says an
 * unclassified store is treated as holding student data (`unclassifiedIsStudentData`, default on).
 * Policies scoped to student data name it beside `student-data` and `pii`.
 */
export const UNCLASSIFIED = 'unclassified';

export interface ClassificationOptions {
  /** Tag keys that carry the classification, in order of precedence. */
  tagKeys: readonly string[];
  /** Model kinds (data stores) whose missing classification becomes `unclassified`; none when the profile turns it off. */
  unclassifiedKinds?: ReadonlySet<string>;
}

export const DEFAULT_CLASSIFICATION: ClassificationOptions = { tagKeys: DEFAULT_CLASSIFICATION_TAG_KEYS };

/** The classification options a profile asks for (the data-store kinds come from the data-store catalog). */
export function classificationOptions(profile: { classificationTagKeys?: unknown; unclassifiedIsStudentData?: unknown }, dataStoreKinds: Iterable<string>): ClassificationOptions {
  const keys = Array.isArray(profile.classificationTagKeys) && profile.classificationTagKeys.length ? (profile.classificationTagKeys as string[]) : DEFAULT_CLASSIFICATION_TAG_KEYS;
  return { tagKeys: keys, ...(profile.unclassifiedIsStudentData === false ? {} : { unclassifiedKinds: new Set(dataStoreKinds) }) };
}

/** A tags object in the shapes APIs use: `{ key: value }`, `[{ Key, Value }]` or `{ Items: [...] }` (unknown markers kept). */
export function tagObject(raw: unknown): Record<string, unknown> | undefined {
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && Array.isArray((raw as { Items?: unknown }).Items) && Object.keys(raw).length === 1) return tagObject((raw as { Items: unknown[] }).Items);
  if (Array.isArray(raw)) {
    const out: Record<string, unknown> = {};
    for (const t of raw) {
      if (!t || typeof t !== 'object') continue;
      const { Key, Value, key, value } = t as { Key?: unknown; Value?: unknown; key?: unknown; value?: unknown };
      const k = Key ?? key;
      if (typeof k === 'string') out[k] = Value ?? value;
    }
    return out;
  }
  return raw && typeof raw === 'object' && !isUnknown(raw) ? (raw as Record<string, unknown>) : undefined;
}

/**
 * `dataClass` from a `tags` value: the value of the first classification key present (normalClass);
 * unknown when the tags (or that key) are unknown; a read error when the tags could not be read;
 * absent (origin default) when no key is there, or `unclassified` when `unclassified` is set.
 */
export function classificationOf(tags: Val, tagKeys: readonly string[] = DEFAULT_CLASSIFICATION_TAG_KEYS, unclassified = false): Val<string> {
  const loc = tags.loc;
  if (tags.error) return { value: undefined, origin: 'unknown', loc: at(loc, 'dataClass'), error: tags.error };
  if (tags.origin === 'unknown' || isUnknown(tags.value)) return { value: undefined, origin: 'unknown', loc };
  const obj = tagObject(tags.value) ?? {};
  for (const key of tagKeys) {
    const v = obj[key];
    if (v === undefined || v === null) continue;
    if (isUnknown(v)) return { value: undefined, origin: 'unknown', loc };
    if (typeof v !== 'string' || !v.trim()) continue;
    return { value: normalClass(v), origin: tags.origin, loc: at(loc, `${loc?.attribute ?? 'tags'}.${key}`) };
  }
  return unclassified ? { value: UNCLASSIFIED, origin: 'default', loc: at(loc, 'dataClass') } : { value: undefined, origin: 'default', loc: at(loc, 'dataClass') };
}

/** A classification as policies compare it: lowercased, with spaces and underscores read as hyphens (`Student Data`). */
export function normalClass(v: string): string {
  return v.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** Live locations name the attribute they point at; Terraform ones keep the `tags` line. */
function at(loc: Location | undefined, attribute: string): Location | undefined {
  if (!loc || loc.line !== undefined) return loc;
  return { ...loc, attribute };
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/**
 * Set `dataClass` from `tags` with the profile's keys on every resource whose kind declares it, and
 * mark unclassified data stores. Adapters already classified with the default keys; this only redoes
 * it when the options differ from those defaults.
 */
export function classifyResources(resources: Resource[], opts: ClassificationOptions): void {
  const unclassifiedKinds = opts.unclassifiedKinds;
  const defaultKeys = sameKeys(opts.tagKeys, DEFAULT_CLASSIFICATION_TAG_KEYS);
  if (defaultKeys && !unclassifiedKinds?.size) return;
  for (const r of resources) {
    const tags = r.attrs.tags;
    if (!tags || r.mergeInto || !KINDS[r.kind]?.attrs.dataClass) continue;
    const unclassified = unclassifiedKinds?.has(r.kind) ?? false;
    if (defaultKeys && r.attrs.dataClass) {
      // Already classified with these keys: only an unclassified data store changes.
      const cur = r.attrs.dataClass;
      if (unclassified && cur && cur.value === undefined && cur.origin !== 'unknown' && !cur.error) r.attrs.dataClass = { value: UNCLASSIFIED, origin: 'default', loc: cur.loc };
      continue;
    }
    r.attrs.dataClass = classificationOf(tags, opts.tagKeys, unclassified);
  }
}
