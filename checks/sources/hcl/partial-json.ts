import { UnknownJson, isUnknownJson } from '../../model/value.js';
import { UNKNOWN, isLazy, isObj, isSensitive, isUnknown, type Value } from './values.js';

/**
 * JSON text that cannot be rendered yet (part of it is known only after apply) keeps its known
 * structure as an `UnknownJson`, so a policy document with one interpolated ARN still shows the
 * statements around it. Sensitive data never goes into it: then the result is plain UNKNOWN.
 */

/**
 * Plain data with UNKNOWN where the value is unknown (an UnknownJson inside stays one: a document given to
 * `source_policy_documents`); undefined when something sensitive is inside.
 */
function partialData(v: Value, depth: number): unknown {
  if (isUnknownJson(v)) return v;
  if (depth > 64 || isUnknown(v)) return UNKNOWN;
  if (isSensitive(v)) return undefined;
  if (isLazy(v)) return partialData(v.materialize(), depth + 1);
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const x of v) {
      const p = partialData(x, depth + 1);
      if (p === undefined) return undefined;
      out.push(p);
    }
    return out;
  }
  if (isObj(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const p = partialData(x, depth + 1);
      if (p === undefined) return undefined;
      out[k] = p;
    }
    return out;
  }
  return v;
}

/** The value as plain data with UNKNOWN where it is unknown; undefined when it holds something sensitive. */
export function partialValue(v: Value): unknown {
  return partialData(v, 0);
}

/** `jsonencode` of a value holding unknowns: an object or list keeps its known parts. */
export function partialJsonencode(v: Value): Value {
  if (isUnknown(v) || (!Array.isArray(v) && !isObj(v) && !isLazy(v))) return UNKNOWN;
  const p = partialData(v, 0);
  return p === undefined ? UNKNOWN : new UnknownJson(p);
}

/** Stands for an unknown interpolation while a template's text is rendered. */
export const HOLE = '__ferpa_ready_unknown_4d1c7a__';

/** Replace strings holding a hole by UNKNOWN; undefined when a hole is an object key. */
function fillHoles(x: unknown, depth: number): unknown {
  if (typeof x === 'string') return x.includes(HOLE) ? UNKNOWN : x;
  if (depth > 64) return UNKNOWN;
  if (Array.isArray(x)) {
    const out: unknown[] = [];
    for (const e of x) {
      const f = fillHoles(e, depth + 1);
      if (f === undefined) return undefined;
      out.push(f);
    }
    return out;
  }
  if (x && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(x)) {
      if (k.includes(HOLE)) return undefined;
      const f = fillHoles(e, depth + 1);
      if (f === undefined) return undefined;
      out[k] = f;
    }
    return out;
  }
  return x;
}

/**
 * A template rendered with HOLE for each unknown interpolation: when the text is a JSON object whose
 * holes all sit inside strings (a heredoc policy with `"Resource": "${aws_s3_bucket.b.arn}/*"`), the
 * object with those strings unknown; anything else is UNKNOWN.
 */
export function partialJsonText(text: string): Value {
  if (!text.trimStart().startsWith('{')) return UNKNOWN;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return UNKNOWN;
  }
  const filled = fillHoles(parsed, 0);
  return filled === undefined || !filled || typeof filled !== 'object' || Array.isArray(filled) ? UNKNOWN : new UnknownJson(filled);
}
