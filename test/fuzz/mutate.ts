/**
 * Seeded mutations for the fuzz suite: structural mutations of parsed JSON/YAML documents and
 * byte-level mutations of text. Everything is driven by one PRNG, so a case is reproduced from its
 * seed and index alone.
 */

export type Rng = () => number;

/** mulberry32: small, fast, good enough to spread test inputs; not for anything secret. */
export function rngFor(seed: number, index: number): Rng {
  let a = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)]!;
export const chance = (rng: Rng, p: number): boolean => rng() < p;

/** Values that break assumptions: wrong types, empties, extremes, template and unknown markers. */
const ODD_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  ' ',
  'x',
  '0',
  'true',
  'null',
  '${var.x}',
  '%{ if true }x%{ endif }',
  '(known after apply)',
  '*',
  '../../..',
  'arn:aws:s3:::bucket',
  'us-east-1',
  'student-data',
  '\u0000',
  '\ud800',
  'é\u202e',
  [],
  {},
  [null],
  [[]],
  { '': null },
  { address: 1 },
  [{ address: 'aws_s3_bucket.x', mode: 'managed', type: 'aws_s3_bucket', name: 'x', values: {} }],
];
const EVIL_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', 'values', 'address', 'resources', 'child_modules', 'after_unknown', 'after_sensitive'];

type Container = Record<string, unknown> | unknown[];
interface Slot {
  parent: Container;
  key: string | number;
  /** Below a key of the focus set (the values a resource holds, not the document's frame). */
  inFocus: boolean;
}

/** Up to `limit` slots (parent + key) of a document, breadth-first, without recursion. */
function slots(doc: unknown, focus?: Set<string>, limit = 4000): Slot[] {
  const out: Slot[] = [];
  const queue: Array<{ v: unknown; inFocus: boolean }> = [{ v: doc, inFocus: false }];
  for (let i = 0; i < queue.length && out.length < limit; i++) {
    const { v, inFocus } = queue[i]!;
    const add = (parent: Container, key: string | number, c: unknown): void => {
      const f = inFocus || (typeof key === 'string' && focus?.has(key) === true);
      out.push({ parent, key, inFocus: f });
      queue.push({ v: c, inFocus: f });
    };
    if (Array.isArray(v)) v.forEach((c, k) => add(v, k, c));
    else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) add(v as Record<string, unknown>, k, c);
  }
  return out;
}

function get(s: Slot): unknown {
  return (s.parent as Record<string | number, unknown>)[s.key];
}

function set(s: Slot, v: unknown): void {
  // defineProperty: `__proto__` and friends become own keys, as JSON.parse makes them
  if (Array.isArray(s.parent)) s.parent[s.key as number] = v;
  else Object.defineProperty(s.parent, s.key, { value: v, enumerable: true, writable: true, configurable: true });
}

function remove(s: Slot): void {
  if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
  else delete s.parent[s.key as string];
}

/** Nested lists or objects `depth` deep around `inner`. */
export function nest(rng: Rng, depth: number, inner: unknown = 1): unknown {
  let v = inner;
  const obj = chance(rng, 0.5);
  for (let i = 0; i < depth; i++) v = obj ? { a: v } : [v];
  return v;
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** One structural mutation of a parsed document, in place (the root itself may be replaced: returned). */
export function mutateTree(doc: unknown, rng: Rng, focus?: Set<string>): unknown {
  const every = slots(doc, focus);
  const focused = focus ? every.filter((x) => x.inFocus) : every;
  const all = focused.length ? focused : every;
  if (!all.length || (!focus && chance(rng, 0.02))) return pick(rng, [ODD_VALUES[int(rng, ODD_VALUES.length)], [doc], { root: doc }, nest(rng, pick(rng, [100, 600]), doc)]);
  const s = pick(rng, all);
  const cur = get(s);
  switch (int(rng, 11)) {
    case 0:
      remove(s);
      break;
    case 1:
    case 2:
      set(s, clone(pick(rng, ODD_VALUES)));
      break;
    case 3:
      set(s, chance(rng, 0.5) ? [cur] : { [pick(rng, EVIL_KEYS)]: cur });
      break;
    case 4:
      if (Array.isArray(cur)) set(s, cur[0]);
      else if (cur && typeof cur === 'object') set(s, Object.values(cur)[0]);
      else set(s, String(cur));
      break;
    case 5:
      if (Array.isArray(cur) && cur.length) for (let i = int(rng, 50) + 1; i > 0; i--) cur.push(clone(cur[int(rng, cur.length)]));
      else set(s, [cur, cur]);
      break;
    case 6:
      // around the nesting limits (512 JSON, 500 HCL) and well past them
      set(s, nest(rng, pick(rng, [20, 300, 499, 511, 513, 3000]), cur ?? 1));
      break;
    case 7:
      // long values, at most about 1 MB each
      set(s, typeof cur === 'string' && cur.length ? cur.repeat(Math.min(int(rng, 2000) + 2, Math.ceil(1e6 / cur.length))) : 'x'.repeat(100_000));
      break;
    case 8: {
      // swapped as copies: a node swapped with its own ancestor would otherwise make a cycle
      const other = pick(rng, all);
      const v = clone(get(other));
      set(other, clone(cur));
      set(s, v);
      break;
    }
    case 9:
      if (cur && typeof cur === 'object' && !Array.isArray(cur)) set({ parent: cur as Record<string, unknown>, key: pick(rng, EVIL_KEYS), inFocus: true }, clone(pick(rng, ODD_VALUES)));
      else set(s, { [pick(rng, EVIL_KEYS)]: cur });
      break;
    default:
      if (typeof cur === 'number') set(s, pick(rng, [-cur, cur * 1e6, 0.5, String(cur)]));
      else if (typeof cur === 'boolean') set(s, pick(rng, [!cur, String(cur), 1]));
      else if (typeof cur === 'string') set(s, pick(rng, [cur.toUpperCase(), cur.slice(0, int(rng, cur.length + 1)), `${cur}${cur}`, `${cur}\u0000`, Number(cur)]));
      else set(s, clone(pick(rng, ODD_VALUES)));
  }
  return doc;
}

/** Tokens that matter to HCL, YAML and JSON lexers. */
const TOKENS = [
  '{', '}', '[', ']', '(', ')', '"', "'", '\\', '${', '%{', '}}', '<<EOT\n', '\nEOT\n', '<<-X\n', '#', '//', '/*', '*/', '=', '==', ':', ',', '.', '..', '...', '*', '?', '!',
  '=>', '\n', '\r\n', '\t', ' ', '\u0000', '\ufeff', '\ud800', 'é', '🎓', '-', '- ', '&a ', '*a', '!!binary ', '---\n', '...\n', '|', '>', '~', 'null', 'true', '0x1F', '1e999',
  'var.', 'local.', 'module.', 'each.key', 'count.index', 'self', 'for', 'in', 'if', 'else', 'endif', 'endfor', 'dynamic "x" {', 'content {', 'module "m" {\n  source = "./m"\n}\n',
  'resource "aws_s3_bucket" "b" {', 'variable "v" {', 'locals {', 'output "o" {', 'provider "aws" {', 'count = ', 'for_each = ', 'depends_on = [', 'source = "../"', 'file("/dev/zero")',
  'templatefile("x", {})', 'jsonencode(', 'lookup(', 'try(', 'can(', 'merge(', 'flatten(', 'range(1000000)',
];

/** One byte-level mutation of a text (`undefined` never: the text may end up empty). */
export function mutateText(text: string, rng: Rng): string {
  const at = int(rng, text.length + 1);
  switch (int(rng, 9)) {
    case 0:
      return text.slice(0, at);
    case 1: {
      const len = int(rng, 200) + 1;
      return text.slice(0, at) + text.slice(at + len);
    }
    case 2: {
      const len = int(rng, 400) + 1;
      return text.slice(0, at) + text.slice(at, at + len).repeat(int(rng, 5) + 2) + text.slice(at + len);
    }
    case 3:
    case 4:
    case 5:
      return text.slice(0, at) + pick(rng, TOKENS) + text.slice(at);
    case 6: {
      const lines = text.split('\n');
      const i = int(rng, lines.length);
      const j = int(rng, lines.length);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    case 7: {
      const d = pick(rng, [50, 450, 499, 501, 700, 5000]);
      const [o, c] = pick(rng, [['[', ']'], ['{', '}'], ['(', ')'], ['"${', '}"']]);
      return text.slice(0, at) + o!.repeat(d) + c!.repeat(d) + text.slice(at);
    }
    default: {
      let s = '';
      for (let i = int(rng, 16) + 1; i > 0; i--) s += String.fromCharCode(int(rng, 0x300));
      return text.slice(0, at) + s + text.slice(at);
    }
  }
}

/** Apply 1..max mutations (structure first, then text) and serialise. */
/**
 * Apply mutations (structure first, then text) and serialise. With `focus`, only values below those
 * keys change and the text stays well-formed: the document keeps its frame, so the case reaches the
 * adapters and the engine instead of stopping at the reader.
 */
export function mutateJsonText(seedText: string, rng: Rng, focus?: Set<string>): string {
  let doc: unknown = JSON.parse(seedText);
  for (let i = int(rng, 3) + (chance(rng, 0.8) ? 1 : 0); i > 0; i--) doc = mutateTree(doc, rng, focus);
  let text = JSON.stringify(doc, null, chance(rng, 0.5) ? 2 : undefined) ?? 'null';
  for (let i = !focus && chance(rng, 0.35) ? int(rng, 3) + 1 : 0; i > 0; i--) text = mutateText(text, rng);
  return text;
}
