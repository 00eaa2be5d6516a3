import type { Resource } from '../model/resource.js';
import { isSensitive, isUnknown, type Location, type Val } from '../model/value.js';
import { codeCheckNamed, runCodeCheck, type EvalContext, type Observed, type Outcome } from './code-check.js';
import type { Cond, Operand, PathCond } from './policy.js';
import type { Truth } from './types.js';

/** A scope a path is resolved in: a model resource, or one element of an array attribute. */
type Scope = { resource: Resource; prefix: string } | { element: unknown; loc?: Location; prefix: string; resource: Resource };

interface Resolved {
  path: string;
  value: unknown;
  unknown: boolean;
  error?: string;
  loc?: Location;
  /** The value is a link target (a resource) rather than plain data. */
  target?: Resource;
}

const ABSENT = undefined;

/** A condition compiled into a plain function of a scope (policies/schema vocabulary -> closures, once per condition). */
type Evaluator = (scope: Scope, ctx: EvalContext) => Outcome;

const COMPILED = new WeakMap<Cond, Evaluator>();

export function evaluateCond(cond: Cond, resource: Resource, ctx: EvalContext): Outcome {
  return compiled(cond)({ resource, prefix: '' }, ctx);
}

/** `evaluateCond` of one condition as a function of the resource: for a caller that judges many resources with it. */
export function conditionOf(cond: Cond): (resource: Resource, ctx: EvalContext) => Outcome {
  const fn = compiled(cond);
  return (resource, ctx) => fn({ resource, prefix: '' }, ctx);
}

/** The compiled form of a condition; policy conditions are loaded once, so each compiles once. */
function compiled(cond: Cond): Evaluator {
  let fn = COMPILED.get(cond);
  if (!fn) COMPILED.set(cond, (fn = compile(cond)));
  return fn;
}

function compile(cond: Cond): Evaluator {
  if ('all' in cond) {
    const parts = cond.all.map(compiled);
    if (parts.length === 1) return parts[0]!;
    // Every part runs: the evidence of a false `all` is that of all its false parts.
    return (scope, ctx) => {
      const outs: Outcome[] = new Array(parts.length);
      for (let i = 0; i < parts.length; i++) outs[i] = parts[i]!(scope, ctx);
      return combineAll(outs);
    };
  }
  if ('any' in cond) {
    const parts = cond.any.map(compiled);
    // The first true part decides alone (combineAny), so the parts after it need not run.
    return (scope, ctx) => {
      const outs: Outcome[] = [];
      for (const part of parts) {
        const o = part(scope, ctx);
        if (o.truth === 'true') return merge('true', [o]);
        outs.push(o);
      }
      return combineAny(outs);
    };
  }
  if ('not' in cond) {
    const inner = compiled(cond.not);
    return (scope, ctx) => negate(inner(scope, ctx));
  }
  if ('every' in cond) return compileQuantifier('every', cond.every, cond.where, cond.assert);
  if ('some' in cond) return compileQuantifier('some', cond.some, cond.where, cond.assert);
  if ('none' in cond) return compileQuantifier('none', cond.none, cond.where, cond.assert);
  if ('check' in cond) {
    const name = cond.check;
    const options = cond.options ?? {};
    return (scope, ctx) => {
      const check = codeCheckNamed(ctx.checks, name);
      if (!check) return { truth: 'error', evidence: [], error: `unknown code check ${name}` };
      return runCodeCheck(check, scope.resource, { model: ctx.model, profile: ctx.profile, element: 'element' in scope ? scope.element : undefined }, options);
    };
  }
  return compilePath(cond);
}

function combineAll(outs: Outcome[]): Outcome {
  if (outs.length === 1) return outs[0]!;
  let worst: Truth = 'true';
  for (const o of outs) {
    if (o.truth === 'false') {
      worst = 'false';
      break;
    }
    if (o.truth === 'error') worst = 'error';
    else if (o.truth === 'unknown' && worst === 'true') worst = 'unknown';
  }
  return merge(worst, worst === 'true' ? outs : outs.filter((o) => o.truth === worst));
}

function combineAny(outs: Outcome[]): Outcome {
  let best: Truth = 'false';
  for (const o of outs) {
    if (o.truth === 'true') return merge('true', [o]);
    if (o.truth === 'error') best = 'error';
    else if (o.truth === 'unknown' && best === 'false') best = 'unknown';
  }
  return merge(best, best === 'false' ? outs : outs.filter((o) => o.truth === best));
}

/** Combine outcomes into one with the given truth; one pass, no intermediate arrays (a hot path). */
function merge(truth: Truth, outs: Outcome[]): Outcome {
  if (outs.length === 1) {
    const o = outs[0]!;
    return o.truth === truth ? o : { ...o, truth };
  }
  const evidence: Observed[] = [];
  let loc: Location | undefined;
  let detail: string | undefined;
  let messageId: string | undefined;
  let error: string | undefined;
  for (const o of outs) {
    if (!loc && o.loc) loc = o.loc;
    if (!messageId && o.messageId) messageId = o.messageId;
    for (const e of o.evidence) evidence.push(e);
    if (o.detail) detail = detail ? `${detail}; ${o.detail}` : o.detail;
    if (o.error) error = error ? `${error}; ${o.error}` : o.error;
  }
  return { truth, evidence, loc, detail, messageId, error };
}

function negate(o: Outcome): Outcome {
  const flip: Record<Truth, Truth> = { true: 'false', false: 'true', unknown: 'unknown', error: 'error' };
  return { ...o, truth: flip[o.truth] };
}

const TRUE_OUTCOME = (): Outcome => ({ truth: 'true', evidence: [] });

function compileQuantifier(q: 'every' | 'some' | 'none', path: string, where: Cond | undefined, assert: Cond | undefined): Evaluator {
  const segs = segmentsOf(path);
  const applies = where ? compiled(where) : undefined;
  const holdsOf = assert ? compiled(assert) : undefined;
  return (scope, ctx) => {
    const collections = resolveSegs(path, segs, scope, ctx);
    const outs: Outcome[] = [];
    for (const col of collections) {
      if (col.error) return { truth: 'error', evidence: [{ path: col.path, value: null, loc: col.loc }], error: col.error, loc: col.loc };
      if (col.unknown) {
        outs.push({ truth: 'unknown', evidence: [{ path: col.path, value: '(known after apply)', loc: col.loc }], loc: col.loc });
        continue;
      }
      const elements: Scope[] = [];
      if (col.target) elements.push({ resource: col.target, prefix: `${col.path}` });
      else if (Array.isArray(col.value)) {
        col.value.forEach((el, i) => {
          const elLoc = elementLoc(el) ?? col.loc;
          elements.push({ element: el, loc: elLoc, prefix: `${col.path}[${i}]`, resource: scope.resource });
        });
      } else if (col.value !== ABSENT && col.value !== null) {
        elements.push({ element: col.value, loc: col.loc, prefix: col.path, resource: scope.resource });
      }
      for (const el of elements) {
        if ('element' in el && isUnknown(el.element)) {
          outs.push({ truth: 'unknown', evidence: [{ path: el.prefix, value: '(known after apply)', loc: el.loc }], loc: el.loc });
          continue;
        }
        const app = applies ? applies(el, ctx) : TRUE_OUTCOME();
        if (app.truth === 'false') continue;
        const holds: Outcome = holdsOf ? holdsOf(el, ctx) : { truth: 'true', evidence: [], loc: 'element' in el ? el.loc : undefined };
        // An element whose applicability is unknown counts only if the assertion could matter.
        const truth: Truth =
          app.truth === 'true' ? holds.truth : app.truth === 'error' ? 'error' : holds.truth === (q === 'every' ? 'true' : 'false') ? holds.truth : 'unknown';
        outs.push({ ...holds, truth, evidence: [...app.evidence, ...holds.evidence], loc: holds.loc ?? ('element' in el ? el.loc : undefined) });
      }
    }
    if (q === 'every') return outs.length ? combineAll(outs) : { truth: 'true', evidence: [{ path, value: [] }] };
    const any = outs.length ? combineAny(outs) : { truth: 'false' as Truth, evidence: [{ path, value: [] }] };
    return q === 'some' ? any : negate(any);
  };
}

function elementLoc(el: unknown): Location | undefined {
  if (el && typeof el === 'object' && '_loc' in el) return (el as { _loc?: Location })._loc;
  return undefined;
}

/** Resolve a dotted path in a scope, following links; several results when a link has several targets. */
const SEGMENTS = new Map<string, string[]>();
function segmentsOf(path: string): string[] {
  let segs = SEGMENTS.get(path);
  if (!segs) SEGMENTS.set(path, (segs = path.split('.')));
  return segs;
}

export function resolvePath(path: string, scope: Scope, ctx: EvalContext): Resolved[] {
  return resolveSegs(path, segmentsOf(path), scope, ctx);
}

/** resolvePath with the path already split (compiled conditions split theirs once). */
function resolveSegs(path: string, segs: string[], scope: Scope, ctx: EvalContext): Resolved[] {
  // The common case, one attribute of the resource itself: no frontier to build.
  if (segs.length === 1 && !('element' in scope)) {
    const val: Val | undefined = scope.resource.attrs[path];
    if (val) {
      const full = scope.prefix ? `${scope.prefix}.${path}` : path;
      return [{ path: full, value: val.value, unknown: val.origin === 'unknown' || isUnknown(val.value), error: val.error, loc: val.loc ?? scope.resource.loc, target: undefined }];
    }
  }
  const chain = resolveChain(path, segs, scope);
  if (chain) return [chain];
  let frontier: Array<{ scope: Scope; value: unknown; isScope: boolean; loc?: Location; unknown: boolean; error?: string; target?: Resource }> = [
    { scope, value: undefined, isScope: true, loc: 'loc' in scope ? scope.loc : undefined, unknown: false },
  ];
  for (const seg of segs) {
    const next: typeof frontier = [];
    for (const cur of frontier) {
      if (cur.unknown || cur.error) {
        next.push(cur);
        continue;
      }
      if (cur.isScope && !('element' in cur.scope)) {
        const r = cur.scope.resource;
        const val: Val | undefined = r.attrs[seg];
        if (val) {
          next.push({ scope: cur.scope, value: val.value, isScope: false, loc: val.loc ?? r.loc, unknown: val.origin === 'unknown' || isUnknown(val.value), error: val.error });
          continue;
        }
        if (seg in r.links || r.linkRefs?.some((l) => l.name === seg)) {
          const targets = ctx.model.linked(r, seg);
          if (targets.length === 0) {
            const wanted = r.linkRefs?.find((l) => l.name === seg);
            const unresolved = wanted && ((wanted.addresses?.length ?? 0) > 0 || (wanted.literals?.length ?? 0) > 0);
            next.push({ scope: cur.scope, value: ABSENT, isScope: false, loc: wanted?.loc ?? r.loc, unknown: Boolean(unresolved) });
          }
          for (const t of targets) next.push({ scope: { resource: t, prefix: seg }, value: t, isScope: true, loc: t.loc, unknown: false, target: t });
          continue;
        }
        next.push({ scope: cur.scope, value: ABSENT, isScope: false, loc: r.loc, unknown: false });
        continue;
      }
      const base = cur.isScope && 'element' in cur.scope ? cur.scope.element : cur.value;
      if (isUnknown(base)) {
        next.push({ ...cur, isScope: false, unknown: true });
        continue;
      }
      let v: unknown = ABSENT;
      if (Array.isArray(base) && /^\d+$/.test(seg)) v = base[Number(seg)];
      else if (base && typeof base === 'object' && !Array.isArray(base)) v = (base as Record<string, unknown>)[seg];
      next.push({ scope: cur.scope, value: v, isScope: false, loc: cur.loc, unknown: isUnknown(v) });
    }
    frontier = next;
  }
  const full = scope.prefix ? `${scope.prefix}.${path}` : path;
  return frontier.map((f) => ({ path: full, value: f.isScope && 'element' in f.scope ? f.scope.element : f.value, unknown: f.unknown, error: f.error, loc: f.loc, target: f.target }));
}

/**
 * resolveSegs for a path that follows no link (the usual case): one value walked segment by segment,
 * no frontier arrays. Undefined when a segment names a link, which the general walk handles.
 */
function resolveChain(path: string, segs: string[], scope: Scope): Resolved | undefined {
  const element = 'element' in scope;
  let isScope = true;
  let value: unknown = ABSENT;
  let loc: Location | undefined = element ? scope.loc : undefined;
  let unknown = false;
  let error: string | undefined;
  for (const seg of segs) {
    if (unknown || error) break;
    if (isScope && !element) {
      const r = scope.resource;
      const val: Val | undefined = r.attrs[seg];
      isScope = false;
      if (val) {
        value = val.value;
        loc = val.loc ?? r.loc;
        unknown = val.origin === 'unknown' || isUnknown(val.value);
        error = val.error;
        continue;
      }
      if (seg in r.links || r.linkRefs?.some((l) => l.name === seg)) return undefined;
      loc = r.loc;
      continue;
    }
    const base = isScope ? (scope as { element: unknown }).element : value;
    isScope = false;
    if (isUnknown(base)) {
      unknown = true;
      continue;
    }
    let v: unknown = ABSENT;
    if (Array.isArray(base) && /^\d+$/.test(seg)) v = base[Number(seg)];
    else if (base && typeof base === 'object' && !Array.isArray(base)) v = (base as Record<string, unknown>)[seg];
    value = v;
    unknown = isUnknown(v);
  }
  return { path: scope.prefix ? `${scope.prefix}.${path}` : path, value: isScope && element ? (scope as { element: unknown }).element : value, unknown, error, loc, target: undefined };
}

const COMPARATORS = ['equals', 'notEquals', 'in', 'notIn', 'exists', 'gte', 'lte', 'gt', 'lt', 'matches', 'notMatches', 'contains', 'notContains'] as const;
type Comparator = (typeof COMPARATORS)[number];

/** One comparison of a path condition: a literal operand, or the name of the profile parameter that gives it. */
interface Comparison {
  op: Comparator;
  literal: unknown;
  param: string | undefined;
}

function isParamRef(op: Operand): op is { param: string } {
  return Boolean(op && typeof op === 'object' && !Array.isArray(op) && 'param' in op && Object.keys(op).length === 1);
}

/** A path condition compiled: the path split once, its comparisons in vocabulary order, parameter references found once. */
function compilePath(cond: PathCond): Evaluator {
  const path = cond.path;
  const segs = segmentsOf(path);
  const ifAbsent = cond.ifAbsent;
  const comparisons: Comparison[] = [];
  const paramNames: string[] = [];
  for (const op of COMPARATORS) {
    if (!(op in cond)) continue;
    const raw = (cond as unknown as Record<string, unknown>)[op];
    const param = isParamRef(raw) ? raw.param : undefined;
    if (param !== undefined) paramNames.push(param);
    comparisons.push({ op, literal: raw, param });
  }
  const params = paramNames.length ? paramNames : undefined;
  const judge = (res: Resolved, ctx: EvalContext): Outcome => {
    const shown = res.target ? res.target.address ?? res.target.id : res.value;
    const value = res.unknown ? '(known after apply)' : shown;
    const ev: Observed = params ? { path: res.path, value, loc: res.loc, params } : { path: res.path, value, loc: res.loc };
    if (res.error) return { truth: 'error', evidence: [{ ...ev, value: null }], loc: res.loc, error: res.error };
    if (res.unknown) return { truth: 'unknown', evidence: [ev], loc: res.loc };
    let truth: Truth = 'true';
    for (const c of comparisons) {
      const t = compare(c.op, res.value, c.param === undefined ? c.literal : ctx.profile[c.param], ifAbsent);
      if (t === 'false') {
        truth = 'false';
        break;
      }
      if (t === 'unknown') truth = 'unknown';
    }
    return { truth, evidence: [ev], loc: res.loc };
  };
  return (scope, ctx) => {
    const results = resolveSegs(path, segs, scope, ctx);
    if (results.length === 1) return judge(results[0]!, ctx);
    const outs: Outcome[] = new Array(results.length);
    for (let i = 0; i < results.length; i++) outs[i] = judge(results[i]!, ctx);
    return combineAll(outs);
  };
}

/** Patterns of `matches`/`notMatches`, compiled once each (no flags, so `test` keeps no state). */
const PATTERNS = new Map<string, RegExp>();
function pattern(source: string): RegExp {
  let re = PATTERNS.get(source);
  if (!re) PATTERNS.set(source, (re = new RegExp(source)));
  return re;
}

function absent(v: unknown): boolean {
  return v === undefined || v === null;
}

function compare(op: Comparator, v: unknown, expected: unknown, ifAbsent?: 'true' | 'false'): Truth {
  if (op === 'exists') {
    const present = isSensitive(v) ? v.present : !absent(v) && !(Array.isArray(v) && v.length === 0);
    return present === expected ? 'true' : 'false';
  }
  if (isSensitive(v)) return 'unknown';
  if (absent(v) && ifAbsent) return ifAbsent;
  switch (op) {
    case 'equals':
      return deepEqual(v, expected) ? 'true' : 'false';
    case 'notEquals':
      return deepEqual(v, expected) ? 'false' : 'true';
    case 'in':
      return Array.isArray(expected) && expected.some((e) => deepEqual(v, e)) ? 'true' : 'false';
    case 'notIn':
      return Array.isArray(expected) && expected.some((e) => deepEqual(v, e)) ? 'false' : 'true';
    case 'gte':
    case 'lte':
    case 'gt':
    case 'lt': {
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
      if (typeof n !== 'number' || Number.isNaN(n) || typeof expected !== 'number') return 'false';
      const ok = op === 'gte' ? n >= expected : op === 'lte' ? n <= expected : op === 'gt' ? n > expected : n < expected;
      return ok ? 'true' : 'false';
    }
    case 'matches':
    case 'notMatches': {
      if (typeof v !== 'string') return op === 'matches' ? 'false' : 'true';
      const hit = pattern(String(expected)).test(v);
      return hit === (op === 'matches') ? 'true' : 'false';
    }
    case 'contains':
    case 'notContains': {
      let hit: boolean;
      if (Array.isArray(v)) {
        if (v.some(isUnknown)) return 'unknown';
        hit = v.some((e) => deepEqual(e, expected));
      } else if (typeof v === 'string') hit = v.includes(String(expected));
      else hit = false;
      return hit === (op === 'contains') ? 'true' : 'false';
    }
  }
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'string') return String(a) === b;
  if (typeof a === 'string' && typeof b === 'number') return a === String(b);
  if (typeof a === 'string' && typeof b === 'boolean') return a === String(b);
  if (typeof a === 'boolean' && typeof b === 'string') return String(a) === b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).filter((k) => !k.startsWith('_'));
    const kb = Object.keys(b).filter((k) => !k.startsWith('_'));
    return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}
