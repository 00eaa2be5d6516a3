import { SensitiveValue } from '../../model/value.js';
import type { Node, Op, TPart } from './expr.js';
import { callFunction, type FnHost } from './functions.js';
import { HOLE, partialJsonText } from './partial-json.js';
import {
  EvalError,
  SENSITIVE,
  UNKNOWN,
  entries,
  equal,
  isLazy,
  isObj,
  isSensitive,
  isUnknown,
  allMemberRefs,
  memberRefs,
  recordMembers,
  setMemberRefs,
  toBool,
  toNum,
  toStr,
  typeName,
  type Value,
} from './values.js';

export type Step = { t: 'attr'; name: string } | { t: 'index'; key: Node };

/** What a traversal root resolves to; `used` is how many steps the host consumed. */
export interface Resolved {
  value: Value;
  used: number;
}

/** The module instance (or other context) names are looked up in. */
export interface Host extends FnHost {
  resolve(root: string, steps: Step[], env: Env): Resolved | undefined;
}

/**
 * Evaluation environment: the host, local bindings (for-expression names, dynamic-block iterators,
 * templatefile variables) and the set collecting resource addresses the expression refers to.
 */
export interface Env {
  host: Host;
  bindings?: Map<string, Value>;
  refs: Set<string>;
}

/**
 * `{ ...env, refs }`, built field by field: on Node 20 a spread is several times slower, and this runs
 * for every attribute and expression evaluated.
 */
export function withRefs(env: Env, refs: Set<string>): Env {
  return env.bindings === undefined ? { host: env.host, refs } : { host: env.host, bindings: env.bindings, refs };
}

export function bind(env: Env, names: Record<string, Value>): Env {
  const b = new Map(env.bindings ?? []);
  for (const [k, v] of Object.entries(names)) b.set(k, v);
  return { host: env.host, bindings: b, refs: env.refs };
}

/** Attribute access on a value. Missing attributes of resource-like lazy objects are UNKNOWN. */
export function getAttr(v: Value, name: string): Value {
  if (isUnknown(v)) return UNKNOWN;
  if (isSensitive(v)) return SENSITIVE;
  if (isLazy(v)) return v.get(name);
  if (isObj(v)) {
    if (Object.prototype.hasOwnProperty.call(v, name)) return v[name] as Value;
    throw new EvalError(`object has no attribute "${name}"`);
  }
  if (v === null) throw new EvalError(`attempt to get attribute "${name}" of null`);
  throw new EvalError(`cannot get attribute "${name}" of ${typeName(v)}`);
}

export function getIndex(v: Value, key: Value): Value {
  if (isUnknown(v) || isUnknown(key)) return UNKNOWN;
  if (isSensitive(v) || isSensitive(key)) return SENSITIVE;
  if (Array.isArray(v)) {
    const i = toNum(key);
    if (!Number.isInteger(i) || i < 0 || i >= v.length) throw new EvalError(`index ${i} out of range for list of ${v.length}`);
    return v[i] as Value;
  }
  if (isLazy(v)) return v.get(toStr(key));
  if (isObj(v)) {
    const k = toStr(key);
    if (Object.prototype.hasOwnProperty.call(v, k)) return v[k] as Value;
    throw new EvalError(`key "${k}" not found`);
  }
  if (v === null) throw new EvalError('attempt to index null');
  throw new EvalError(`cannot index ${typeName(v)}`);
}

function flattenTraversal(n: Node): { root: string; steps: Step[] } | undefined {
  const steps: Step[] = [];
  let cur = n;
  for (;;) {
    if (cur.t === 'attr') {
      steps.push({ t: 'attr', name: cur.name });
      cur = cur.obj;
    } else if (cur.t === 'index') {
      steps.push({ t: 'index', key: cur.key });
      cur = cur.obj;
    } else if (cur.t === 'var') {
      steps.reverse();
      return { root: cur.name, steps };
    } else return undefined;
  }
}

/**
 * Apply traversal steps from `from`. The addresses the reached value came from join `env.refs`
 * (provenance): a resource object's address, or a collection member's recorded references. A
 * member's references are coarse (every reference inside it); when a later step finds finer ones
 * (a member of the member, a resource object), only those count.
 */
function walk(v: Value, steps: Array<Step | Op>, from: number, env: Env, coarse?: Set<string>): Value {
  let pending = coarse;
  try {
    for (let i = from; i < steps.length; i++) {
      const s = steps[i] as Step | Op;
      const key: Value = s.t === 'attr' ? s.name : evalNode(s.key, env);
      let finer: Set<string> | undefined = memberRefs(v, key);
      if (isLazy(v) && v.address) finer = new Set([v.address, ...(finer ?? [])]);
      if (finer) pending = finer;
      v = s.t === 'attr' ? getAttr(v, s.name) : getIndex(v, key);
    }
  } finally {
    if (pending) for (const r of pending) env.refs.add(r);
  }
  return v;
}

/** Evaluate `n` with its own reference set, add those to `env.refs` and return both. */
function evalTracked(n: Node, env: Env, seed?: Set<string>): { value: Value; refs: Set<string> } {
  const refs = new Set<string>(seed ?? []);
  const value = evalNode(n, withRefs(env, refs));
  for (const r of refs) env.refs.add(r);
  return { value, refs };
}

function evalTraversal(n: Node, env: Env): Value {
  const tr = flattenTraversal(n);
  if (!tr) {
    // traversal on a computed value: (expr).a[0]
    if (n.t === 'attr') return getAttr(evalNode(n.obj, env), n.name);
    if (n.t === 'index') return getIndex(evalNode(n.obj, env), evalNode(n.key, env));
    throw new EvalError('not a traversal');
  }
  const bound = env.bindings?.get(tr.root);
  if (bound !== undefined || env.bindings?.has(tr.root)) return walk(bound as Value, tr.steps, 0, env);
  // what the named value as a whole refers to (every reference of a local, say); a step into a
  // member whose own provenance is recorded narrows it to that member's references
  const coarse = new Set<string>();
  const r = env.host.resolve(tr.root, tr.steps, withRefs(env, coarse));
  if (!r) {
    for (const x of coarse) env.refs.add(x);
    return UNKNOWN;
  }
  return walk(r.value, tr.steps, r.used, env, coarse);
}

function arith(op: string, l: Value, r: Value): Value {
  if (op === '==' || op === '!=') {
    if (isUnknown(l) || isUnknown(r) || isLazy(l) || isLazy(r)) return UNKNOWN;
    if (isSensitive(l) || isSensitive(r)) return SENSITIVE;
    const eq = equal(l, r);
    return op === '==' ? eq : !eq;
  }
  if (op === '&&' || op === '||') {
    const known = (x: Value): boolean | undefined => (isUnknown(x) || isSensitive(x) ? undefined : toBool(x));
    const a = known(l);
    const b = known(r);
    if (op === '&&') {
      if (a === false || b === false) return false;
      if (a === undefined || b === undefined) return UNKNOWN;
      return true;
    }
    if (a === true || b === true) return true;
    if (a === undefined || b === undefined) return UNKNOWN;
    return false;
  }
  if (isUnknown(l) || isUnknown(r)) return UNKNOWN;
  if (isSensitive(l) || isSensitive(r)) return SENSITIVE;
  const a = toNum(l);
  const b = toNum(r);
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new EvalError('division by zero');
      return a / b;
    case '%':
      if (b === 0) throw new EvalError('division by zero');
      return a % b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
  }
  throw new EvalError(`unknown operator ${op}`);
}

/** `opaque`: an unknown directive (if / for) left text out, so the rendered text is no partial JSON either. */
function renderParts(parts: TPart[], env: Env, out: { s: string; unknown: boolean; sensitive: boolean; opaque: boolean }, depth: number): void {
  if (depth > 32) throw new EvalError('template nested too deeply');
  for (const p of parts) {
    if (typeof p === 'string') out.s += p;
    else if (p.t === 'interp') {
      const v = evalNode(p.x, env);
      if (isUnknown(v) || isLazy(v)) {
        out.unknown = true;
        out.s += HOLE;
      } else if (isSensitive(v)) out.sensitive = true;
      else if (v === null) throw new EvalError('template interpolation of null');
      else out.s += toStr(v);
    } else if (p.t === 'if') {
      const c = evalNode(p.c, env);
      if (isUnknown(c) || isSensitive(c)) out.unknown = out.opaque = true;
      else renderParts(toBool(c) ? p.a : p.b, env, out, depth + 1);
    } else {
      const coll = evalNode(p.coll, env);
      if (isUnknown(coll) || isSensitive(coll)) {
        out.unknown = out.opaque = true;
        continue;
      }
      for (const [k, v] of entries(coll)) renderParts(p.body, bind(env, p.k ? { [p.k]: k, [p.v]: v } : { [p.v]: v }), out, depth + 1);
    }
  }
}

export function renderTemplateParts(parts: TPart[], env: Env): Value {
  const out = { s: '', unknown: false, sensitive: false, opaque: false };
  renderParts(parts, env, out, 0);
  if (out.unknown) return out.opaque || out.sensitive ? UNKNOWN : partialJsonText(out.s);
  if (out.sensitive) return SENSITIVE;
  return out.s;
}

function splat(n: Extract<Node, { t: 'splat' }>, env: Env): Value {
  let base = evalNode(n.obj, env);
  if (isUnknown(base)) return UNKNOWN;
  if (isSensitive(base)) return SENSITIVE;
  if (base === null) return [];
  if (!Array.isArray(base)) base = isObj(base) && !n.ops.length ? [base] : [base];
  const src = base as Value[];
  const provs: Array<Set<string>> = [];
  const out: Value[] = src.map((el, i) => {
    const refs = new Set<string>(memberRefs(src, i) ?? []);
    const e = withRefs(env, refs);
    const v = walk(el, n.ops, 0, e);
    for (const r of refs) env.refs.add(r);
    provs[i] = refs;
    return v;
  });
  recordMembers(out, provs.map((r, i) => [i, r]));
  return out;
}

function forExpr(n: Extract<Node, { t: 'for' }>, env: Env): Value {
  const coll = evalNode(n.coll, env);
  if (isUnknown(coll) || isSensitive(coll)) return UNKNOWN;
  if (coll === null) throw new EvalError('for expression over null');
  const list: Value[] = [];
  const obj: Record<string, Value> = {};
  const groups: Record<string, Value[]> = {};
  let unknown = false;
  const provs: Array<[string | number, Set<string>]> = [];
  for (const [k, v] of entries(coll)) {
    const e = bind(env, n.k ? { [n.k]: k, [n.v]: v } : { [n.v]: v });
    if (n.cond) {
      const c = evalNode(n.cond, e);
      if (isUnknown(c) || isSensitive(c)) {
        unknown = true;
        continue;
      }
      if (!toBool(c)) continue;
    }
    const tracked = evalTracked(n.val, e, memberRefs(coll, k));
    const val = tracked.value;
    if (n.obj) {
      const key = evalNode(n.key as Node, e);
      if (isUnknown(key) || isSensitive(key)) {
        unknown = true;
        continue;
      }
      const ks = toStr(key);
      if (n.group) {
        const g = (groups[ks] ??= []);
        setMemberRefs(g, g.length, tracked.refs);
        g.push(val);
        provs.push([ks, tracked.refs]);
      } else {
        if (ks in obj) throw new EvalError(`duplicate key "${ks}" in for expression`);
        obj[ks] = val;
        provs.push([ks, tracked.refs]);
      }
    } else {
      provs.push([list.length, tracked.refs]);
      list.push(val);
    }
  }
  if (unknown) return UNKNOWN;
  const out = !n.obj ? list : n.group ? groups : obj;
  recordMembers(out, provs);
  return out;
}

/** Evaluate an expression node. Throws EvalError on type errors; unknown inputs give UNKNOWN. */
export function evalNode(n: Node, env: Env): Value {
  switch (n.t) {
    case 'lit':
      return n.v;
    case 'paren':
      return evalNode(n.x, env);
    case 'tmpl':
      return renderTemplateParts(n.parts, env);
    case 'var':
    case 'attr':
    case 'index':
      return evalTraversal(n, env);
    case 'splat':
      return splat(n, env);
    case 'unop': {
      const x = evalNode(n.x, env);
      if (isUnknown(x)) return UNKNOWN;
      if (isSensitive(x)) return SENSITIVE;
      return n.op === '!' ? !toBool(x) : -toNum(x);
    }
    case 'binop':
      return arith(n.op, evalNode(n.l, env), evalNode(n.r, env));
    case 'cond': {
      const c = evalNode(n.c, env);
      if (isUnknown(c) || isSensitive(c)) {
        const a = safe(n.a, env);
        const b = safe(n.b, env);
        return a !== undefined && b !== undefined && !isLazy(a) && equal(a, b) ? a : UNKNOWN;
      }
      return toBool(c) ? evalNode(n.a, env) : evalNode(n.b, env);
    }
    case 'tuple': {
      const out: Value[] = [];
      const provs = n.items.map((x) => {
        const t = evalTracked(x, env);
        out.push(t.value);
        return t.refs;
      });
      recordMembers(out, provs.map((r, i) => [i, r]));
      return out;
    }
    case 'object': {
      const out: Record<string, Value> = {};
      const provs: Array<[string, Set<string>]> = [];
      for (const { k, v } of n.items) {
        const key = k.t === 'var' ? k.name : evalNode(k, env);
        if (isUnknown(key) || isSensitive(key)) return UNKNOWN;
        const t = evalTracked(v, env);
        out[toStr(key)] = t.value;
        provs.push([toStr(key), t.refs]);
      }
      recordMembers(out, provs);
      return out;
    }
    case 'for':
      return forExpr(n, env);
    case 'call':
      return call(n, env);
  }
}

function safe(n: Node, env: Env): Value | undefined {
  try {
    return evalNode(n, env);
  } catch (e) {
    if (e instanceof EvalError) return undefined;
    throw e;
  }
}

function call(n: Extract<Node, { t: 'call' }>, env: Env): Value {
  if (n.name === 'try') {
    for (const a of n.args) {
      const v = safe(a, env);
      if (v !== undefined) return v;
    }
    throw new EvalError('try: no argument could be evaluated');
  }
  if (n.name === 'can') {
    const a = n.args[0];
    if (!a) throw new EvalError('can: one argument expected');
    const v = safe(a, env);
    if (v !== undefined && isUnknown(v)) return UNKNOWN;
    return v !== undefined;
  }
  let args = n.args.map((a) => evalNode(a, env));
  if (n.expand && args.length) {
    const last = args[args.length - 1] as Value;
    if (isUnknown(last)) return UNKNOWN;
    if (!Array.isArray(last)) throw new EvalError('cannot expand a non-list argument');
    args = [...args.slice(0, -1), ...last];
  }
  if (n.name === 'sensitive') return new SensitiveValue(args[0] !== null && args[0] !== undefined);
  const out = callFunction(n.name, args, env.host);
  carryProvenance(n.name, args, out, env);
  return out;
}

/** Functions that pass collection members through keep their provenance (see `setMemberRefs`). */
function carryProvenance(name: string, args: Value[], out: Value, env: Env): void {
  const copyKeys = (from: Value, offset?: number): void => {
    const m = allMemberRefs(from);
    if (!m) return;
    for (const [k, r] of m) setMemberRefs(out, offset === undefined ? k : Number(k) + offset, r);
  };
  switch (name) {
    case 'merge':
    case 'tomap':
    case 'tolist':
      for (const a of args) copyKeys(a);
      return;
    case 'concat': {
      let offset = 0;
      for (const a of args) {
        copyKeys(a, offset);
        if (Array.isArray(a)) offset += a.length;
      }
      return;
    }
    case 'values': {
      const a = args[0];
      if (a !== undefined && isObj(a) && Array.isArray(out)) Object.keys(a).sort().forEach((k, i) => setMemberRefs(out, i, memberRefs(a, k)));
      return;
    }
    case 'lookup':
    case 'element': {
      const [a, k] = args;
      if (a === undefined || k === undefined) return;
      const key = name === 'element' && Array.isArray(a) && typeof k === 'number' && a.length ? ((k % a.length) + a.length) % a.length : k;
      const prov = memberRefs(a, key);
      if (prov) for (const r of prov) env.refs.add(r);
      return;
    }
  }
}

/** Evaluate and turn value errors into UNKNOWN (what a record attribute gets when it cannot be known). */
export function evalOrUnknown(n: Node, env: Env): Value {
  try {
    return evalNode(n, env);
  } catch (e) {
    if (e instanceof EvalError || e instanceof RangeError) return UNKNOWN;
    throw e;
  }
}
