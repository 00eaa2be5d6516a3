import { SensitiveValue, UNKNOWN } from '../../model/value.js';
import { isObject, type Json } from './types.js';

/** Whether a mark tree (`after_unknown`, `after_sensitive`, `sensitive_values`) marks anything. */
function marksAny(mark: Json | undefined): boolean {
  if (mark === true) return true;
  if (Array.isArray(mark)) return mark.some(marksAny);
  if (isObject(mark)) return Object.values(mark).some(marksAny);
  return false;
}

/**
 * Replace every sensitive path by `SensitiveValue(present)`. Marked subtrees are rebuilt, so the secret
 * is not reachable from the result; unmarked subtrees are shared as they are.
 */
export function redactSensitive(value: unknown, mark: Json | undefined): unknown {
  if (mark === true) {
    if (value instanceof SensitiveValue) return value;
    return new SensitiveValue(value !== null && value !== undefined);
  }
  if (!marksAny(mark)) return value;
  if (Array.isArray(mark) && Array.isArray(value)) return value.map((v, i) => redactSensitive(v, mark[i]));
  if (isObject(mark) && isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactSensitive(v, mark[k]);
    return out;
  }
  // A value whose shape does not follow the mark (a list marked as a map, ...): hide it whole.
  if (value !== null && value !== undefined && typeof value === 'object') return new SensitiveValue(true);
  return value;
}

/**
 * Put `UNKNOWN` wherever `after_unknown` says a value is known only after apply. Planned values omit
 * unknown attributes, so missing containers on the way to an unknown are created.
 */
export function overlayUnknown(value: unknown, mark: Json | undefined): unknown {
  return marksAny(mark) ? overlayMarked(value, mark as Json) : value;
}

/** overlayUnknown for a mark known to mark something (each level checks its children once). */
function overlayMarked(value: unknown, mark: Json): unknown {
  if (mark === true) return UNKNOWN;
  if (Array.isArray(mark)) {
    if (value !== null && value !== undefined && !Array.isArray(value)) return value;
    const arr: unknown[] = Array.isArray(value) ? value.slice() : [];
    for (let i = 0; i < mark.length; i++) {
      const m = mark[i]!;
      if (marksAny(m)) arr[i] = overlayMarked(arr[i], m);
    }
    // Holes (an unknown element after a missing one) read as null, never as a false-y guess.
    for (let i = 0; i < arr.length; i++) if (!(i in arr)) arr[i] = null;
    return arr;
  }
  if (isObject(mark)) {
    if (value !== null && value !== undefined && !isObject(value)) return value;
    // Object.assign, not spread: V8 makes a spread copy slow to extend, and unknown attributes are added.
    const out: Record<string, unknown> = isObject(value) ? Object.assign({}, value) : {};
    for (const k in mark) {
      const m = mark[k]!;
      if (marksAny(m)) out[k] = overlayMarked(out[k], m);
    }
    return out;
  }
  return value;
}

/**
 * The planned values of one resource: the known values, secrets replaced (every sensitive mark tree
 * given), then unknowns overlaid. A sensitive value known only after apply stays unknown.
 */
export function plannedValues(base: unknown, unknown: Json | undefined, sensitive: Array<Json | undefined>): Record<string, unknown> {
  let v: unknown = isObject(base) ? base : {};
  for (const mark of sensitive) if (mark !== undefined) v = redactSensitive(v, mark);
  v = overlayUnknown(v, unknown);
  if (v instanceof SensitiveValue) {
    // The whole object was marked: keep the attribute names, hide every value.
    const out: Record<string, unknown> = {};
    const b = isObject(base) ? base : {};
    for (const [k, x] of Object.entries(b)) out[k] = new SensitiveValue(x !== null && x !== undefined);
    return out;
  }
  return isObject(v) ? (v as Record<string, unknown>) : {};
}
