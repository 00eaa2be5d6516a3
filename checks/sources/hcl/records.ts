import { bind, evalNode, withRefs, type Env } from './evaluate.js';
import { parseValueString } from './expr.js';
import { evalRaw } from './variables.js';
import { EvalError, UNKNOWN, entries, isSensitive, isUnknown, memberRefs, setMemberRefs, type Value } from './values.js';

/** Meta-arguments: never part of a resource's values. */
export const META = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection', 'dynamic']);

/** What evaluating a block body yields for a record. */
export interface BodyResult {
  values: Record<string, Value>;
  references: Record<string, string[]>;
  configured: Set<string>;
}

function isBlockList(v: unknown): v is Record<string, unknown>[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x));
}

function addRefs(out: BodyResult, path: string, refs: Set<string>): void {
  if (!refs.size) return;
  const list = (out.references[path] ??= []);
  for (const r of refs) if (!list.includes(r)) list.push(r);
}

/** Evaluate one attribute with its own reference set; value errors give UNKNOWN. */
function attribute(raw: unknown, env: Env, path: string, out: BodyResult): Value {
  const refs = new Set<string>();
  let v: Value;
  try {
    v = evalRaw(raw, withRefs(env, refs));
  } catch (e) {
    if (!(e instanceof EvalError || e instanceof RangeError)) throw e;
    v = UNKNOWN;
  }
  addRefs(out, path, refs);
  for (const r of refs) env.refs.add(r);
  return v;
}

const MAX_BLOCK_DEPTH = 24;

/**
 * Evaluate a block body into Terraform-JSON-shaped values: attributes, nested blocks as arrays of
 * objects (static and `dynamic` ones), meta-arguments left out. Records references and written
 * attribute paths under `prefix`.
 */
export function evalBody(body: Record<string, unknown>, env: Env, out: BodyResult, prefix = '', depth = 0, skipMeta = true): Record<string, Value> {
  const values: Record<string, Value> = {};
  if (depth > MAX_BLOCK_DEPTH) return values;
  for (const [key, raw] of Object.entries(body)) {
    if (skipMeta && depth === 0 && META.has(key)) continue;
    if (key === 'dynamic' && raw && typeof raw === 'object' && !Array.isArray(raw)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (isBlockList(raw)) {
      out.configured.add(path);
      values[key] = raw.map((b) => evalBody(b, env, out, path, depth + 1, false));
      continue;
    }
    const v = attribute(raw, env, path, out);
    if (raw !== null) out.configured.add(path);
    values[key] = v;
  }
  const dyn = body.dynamic;
  if (dyn && typeof dyn === 'object' && !Array.isArray(dyn)) {
    for (const [name, specs] of Object.entries(dyn as Record<string, unknown>)) {
      const path = prefix ? `${prefix}.${name}` : name;
      out.configured.add(path);
      for (const spec of Array.isArray(specs) ? specs : [specs]) {
        const produced = dynamicBlock(spec as Record<string, unknown>, name, env, out, path, depth);
        const prev = values[name];
        if (isUnknown(produced) || isUnknown(prev)) values[name] = UNKNOWN;
        else values[name] = [...(Array.isArray(prev) ? prev : []), ...(produced as Value[])];
      }
    }
  }
  return values;
}

function dynamicBlock(spec: Record<string, unknown>, name: string, env: Env, out: BodyResult, path: string, depth: number): Value {
  const coll = attribute(spec.for_each, env, path, out);
  let iterator = name;
  if (typeof spec.iterator === 'string') iterator = spec.iterator.replace(/^\$\{\s*([\s\S]*?)\s*\}$/, '$1');
  const content = Array.isArray(spec.content) ? (spec.content[0] as Record<string, unknown> | undefined) : (spec.content as Record<string, unknown> | undefined);
  if (!content) return [];
  if (isUnknown(coll) || isSensitive(coll) || coll === null || typeof coll !== 'object') {
    // contents still name the attributes written and their references
    evalBody(content, bind(env, { [iterator]: { key: UNKNOWN, value: UNKNOWN } }), out, path, depth + 1, false);
    return coll === null ? [] : UNKNOWN;
  }
  let pairs: Array<[Value, Value]>;
  try {
    pairs = entries(coll);
  } catch {
    return UNKNOWN;
  }
  return pairs.map(([k, v]) => {
    const it: { [name: string]: Value } = { key: k, value: v };
    setMemberRefs(it, 'value', memberRefs(coll, k));
    return evalBody(content, bind(env, { [iterator]: it }), out, path, depth + 1, false);
  });
}

/** Evaluate a meta-argument expression (count, for_each): UNKNOWN on value errors. */
export function evalMeta(raw: unknown, env: Env): Value {
  try {
    if (typeof raw === 'string') return evalNode(parseValueString(raw), env);
    return evalRaw(raw, env);
  } catch (e) {
    if (e instanceof EvalError || e instanceof RangeError) return UNKNOWN;
    throw e;
  }
}
