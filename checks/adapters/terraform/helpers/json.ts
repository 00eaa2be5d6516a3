import { isUnknownJson, type Val } from '../../../model/value.js';
import type { TfRecord } from '../../../sources/terraform/record.js';
import { rawAt } from './record.js';
import { attr } from './values.js';

/**
 * Parse a JSON-encoded attribute (policy documents, container definitions); computed stays unknown, and
 * JSON computed only in part keeps its known structure as the value (an `UnknownJson`, origin unknown).
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

/** A computed attribute whose JSON text is partly known keeps that `UnknownJson` as its value. */
export function partialJsonVal(rec: TfRecord, path: string, v: Val): Val {
  const raw = rawAt(rec.values, path);
  return isUnknownJson(raw) ? { value: raw, origin: 'unknown', loc: v.loc } : v;
}
