import { SensitiveValue, UNKNOWN, UnknownValue, isSensitive, isUnknown } from '../../model/value.js';

/**
 * Runtime values of the HCL evaluator: JSON-like data plus the model's UNKNOWN / SensitiveValue
 * markers, and lazy objects (resource instances, module outputs) whose attributes are computed on
 * first access.
 */
export type Value = null | boolean | number | string | Value[] | { [k: string]: Value } | UnknownValue | SensitiveValue | LazyObject;

/** An object whose attributes are evaluated on demand; `address` names the resource it stands for. */
export class LazyObject {
  constructor(
    readonly address: string | undefined,
    private readonly getter: (name: string) => Value,
    private readonly names: () => string[],
  ) {}
  get(name: string): Value {
    return this.getter(name);
  }
  keys(): string[] {
    return this.names();
  }
  /** Every known attribute as a plain object (unknown attributes left out). */
  materialize(): { [k: string]: Value } {
    const out: { [k: string]: Value } = {};
    for (const k of this.keys()) out[k] = this.get(k);
    return out;
  }
}

/** A value-level error (type mismatch, missing key): `try`/`can` catch it; elsewhere it becomes UNKNOWN. */
export class EvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvalError';
  }
}

export const SENSITIVE = new SensitiveValue(true);
export { UNKNOWN, isUnknown, isSensitive };

export function isLazy(v: unknown): v is LazyObject {
  return v instanceof LazyObject;
}

export function isObj(v: unknown): v is { [k: string]: Value } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v) && !isSensitive(v) && !isLazy(v);
}

/** Unknown or sensitive anywhere inside (lazy objects count as unknown: they are never fully known). */
export function hasMarker(v: Value, depth = 0): 'unknown' | 'sensitive' | undefined {
  if (isUnknown(v) || isLazy(v)) return 'unknown';
  if (isSensitive(v)) return 'sensitive';
  if (depth > 64) return 'unknown';
  if (Array.isArray(v)) {
    let found: 'unknown' | 'sensitive' | undefined;
    for (const x of v) {
      const m = hasMarker(x, depth + 1);
      if (m === 'unknown') return m;
      if (m) found = m;
    }
    return found;
  }
  if (isObj(v)) {
    let found: 'unknown' | 'sensitive' | undefined;
    for (const x of Object.values(v)) {
      const m = hasMarker(x, depth + 1);
      if (m === 'unknown') return m;
      if (m) found = m;
    }
    return found;
  }
  return undefined;
}

/** Replace lazy objects by their materialized form (for functions that need plain data). */
export function plain(v: Value, depth = 0): Value {
  if (depth > 64) return UNKNOWN;
  if (isLazy(v)) return plain(v.materialize(), depth + 1);
  if (Array.isArray(v)) return v.map((x) => plain(x, depth + 1));
  if (isObj(v)) {
    const out: { [k: string]: Value } = {};
    for (const [k, x] of Object.entries(v)) out[k] = plain(x, depth + 1);
    return out;
  }
  return v;
}

export function typeName(v: Value): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (isUnknown(v)) return 'unknown';
  if (isSensitive(v)) return 'sensitive';
  if (isLazy(v) || typeof v === 'object') return 'object';
  return typeof v;
}

/** HCL string conversion of a primitive (numbers and bools convert; collections do not). */
export function toStr(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numStr(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  throw new EvalError(`cannot convert ${typeName(v)} to string`);
}

export function numStr(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(n);
}

export function toNum(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  throw new EvalError(`cannot convert ${typeName(v)} to number`);
}

export function toBool(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new EvalError(`cannot convert ${typeName(v)} to bool`);
}

/** Structural equality as HCL `==` sees it (numbers and strings are distinct types). */
export function equal(a: Value, b: Value, depth = 0): boolean {
  if (depth > 64) return false;
  if (a === b) return true;
  if (isLazy(a)) a = a.materialize();
  if (isLazy(b)) b = b.materialize();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i] as Value, depth + 1));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && equal(a[k] as Value, b[k] as Value, depth + 1));
  }
  return false;
}

/** Elements of a collection (lists, sets, and the values of maps/objects). */
export function elements(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (isLazy(v)) return v.keys().map((k) => v.get(k));
  if (isObj(v)) return Object.keys(v).sort().map((k) => v[k] as Value);
  throw new EvalError(`expected a collection, got ${typeName(v)}`);
}

/** `[key, value]` pairs: list index or sorted map key. */
export function entries(v: Value): Array<[Value, Value]> {
  if (Array.isArray(v)) return v.map((x, i) => [i, x]);
  if (isLazy(v)) return v.keys().map((k) => [k, v.get(k)]);
  if (isObj(v)) return Object.keys(v).sort().map((k) => [k, v[k] as Value]);
  throw new EvalError(`cannot iterate over ${typeName(v)}`);
}

/** Sets of strings iterate in lexical order in Terraform; keep order otherwise, drop duplicates. */
export function toSet(list: Value[]): Value[] {
  const out: Value[] = [];
  for (const x of list) if (!out.some((y) => equal(x, y))) out.push(x);
  if (out.every((x) => typeof x === 'string')) out.sort((a, b) => ((a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0));
  return out;
}

/** Convert a model-facing value (records): lazy objects materialize, everything else stays. */
export function exported(v: Value): unknown {
  return plain(v);
}

/**
 * Provenance of collection members: the resource addresses each member's expression referred to,
 * kept beside the (plain) collection so `each.value.id`, `local.m["a"].arn`, `merge(...)` and for
 * expressions still know which resource a member came from. Hidden from the values themselves.
 */
const MEMBER_REFS = new WeakMap<object, Map<string, Set<string>>>();

function isContainer(v: unknown): v is object {
  return typeof v === 'object' && v !== null && (Array.isArray(v) || isObj(v));
}

/** Record the addresses member `key` of `container` came from (no-op for empty sets and non-collections). */
export function setMemberRefs(container: Value, key: string | number, refs: Iterable<string> | undefined): void {
  if (!refs || !isContainer(container)) return;
  const list = [...refs];
  if (!list.length) return;
  let m = MEMBER_REFS.get(container);
  if (!m) MEMBER_REFS.set(container, (m = new Map()));
  const k = String(key);
  const have = m.get(k);
  if (have) for (const r of list) have.add(r);
  else m.set(k, new Set(list));
}

/**
 * Record the provenance of every member of a freshly built collection. When any member has
 * references, members without any are recorded too (empty), so a step into them does not fall back
 * to the coarser provenance of the collection.
 */
export function recordMembers(container: Value, pairs: Iterable<[string | number, Set<string>]>): void {
  if (!isContainer(container)) return;
  const list = [...pairs];
  if (!list.some(([, r]) => r.size)) return;
  let m = MEMBER_REFS.get(container);
  if (!m) MEMBER_REFS.set(container, (m = new Map()));
  for (const [k, r] of list) {
    const have = m.get(String(k));
    if (have) for (const x of r) have.add(x);
    else m.set(String(k), new Set(r));
  }
}

/** The addresses member `key` of `container` came from, if recorded. */
export function memberRefs(container: Value, key: Value): Set<string> | undefined {
  if (!isContainer(container) || (typeof key !== 'string' && typeof key !== 'number')) return undefined;
  return MEMBER_REFS.get(container)?.get(String(key));
}

/** Every member provenance of a collection (for functions that rebuild it). */
export function allMemberRefs(container: Value): Map<string, Set<string>> | undefined {
  return isContainer(container) ? MEMBER_REFS.get(container) : undefined;
}
