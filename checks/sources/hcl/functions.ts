import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  EvalError,
  SENSITIVE,
  UNKNOWN,
  elements,
  equal,
  hasMarker,
  isLazy,
  isObj,
  isSensitive,
  isUnknown,
  plain,
  toBool,
  toNum,
  toSet,
  toStr,
  typeName,
  type Value,
} from './values.js';
import { partialJsonencode } from './partial-json.js';
import { maxOf, minOf, pushAll } from '../../util/push-all.js';

/** What file-reading functions need from the evaluator: a safe reader and a template renderer. */
export interface FnHost {
  /** File text when the path lies inside the scanned tree, else undefined (the call yields UNKNOWN). */
  readFile(path: string): string | undefined;
  renderTemplate(text: string, vars: Record<string, Value>): Value;
}

type Fn = (args: Value[], host: FnHost) => Value;

function list(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  throw new EvalError(`expected a list, got ${typeName(v)}`);
}
function obj(v: Value): Record<string, Value> {
  if (isLazy(v)) return v.materialize();
  if (isObj(v)) return v;
  throw new EvalError(`expected a map, got ${typeName(v)}`);
}
function str(v: Value): string {
  return toStr(v);
}

/** Plain JSON rendering: UNKNOWN/sensitive inside is handled by the caller. */
function toJson(v: Value): unknown {
  return plain(v);
}

function fromJson(x: unknown): Value {
  if (x === null || typeof x === 'boolean' || typeof x === 'number' || typeof x === 'string') return x;
  if (Array.isArray(x)) return x.map(fromJson);
  if (typeof x === 'object') {
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) out[k] = fromJson(v);
    return out;
  }
  return null;
}

/** Go-style JSON: Terraform escapes <, >, & like encoding/json does. */
export function goJson(v: unknown): string {
  return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function flatten(v: Value[], depth = 0): Value[] {
  if (depth > 64) throw new EvalError('flatten: nested too deeply');
  const out: Value[] = [];
  for (const x of v) {
    if (isUnknown(x)) throw new UnknownSignal();
    if (Array.isArray(x)) pushAll(out, flatten(x, depth + 1));
    else out.push(x);
  }
  return out;
}

/** Thrown inside a function when an argument part is unknown: the call's result is UNKNOWN. */
export class UnknownSignal extends Error {}

function format(spec: string, args: Value[]): string {
  let i = 0;
  return spec.replace(/%(?:\[(\d+)\])?([-+ #0]*)(\d+|\*)?(?:\.(\d+))?([a-zA-Z%])/g, (_m, idx: string | undefined, flags: string, width: string | undefined, prec: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (idx) i = Number(idx) - 1;
    const a = args[i++];
    if (a === undefined) throw new EvalError('format: not enough arguments');
    let s: string;
    switch (verb) {
      case 'd':
        s = String(Math.trunc(toNum(a)));
        if (flags.includes('+') && !s.startsWith('-')) s = '+' + s;
        break;
      case 'f':
      case 'e':
      case 'g': {
        const n = toNum(a);
        s = verb === 'f' ? n.toFixed(prec === undefined ? 6 : Number(prec)) : verb === 'e' ? n.toExponential(prec === undefined ? 6 : Number(prec)) : String(n);
        break;
      }
      case 's':
        s = str(a);
        if (prec !== undefined) s = s.slice(0, Number(prec));
        break;
      case 'q':
        s = JSON.stringify(str(a));
        break;
      case 'v':
      case '#v':
        s = typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean' ? str(a) : goJson(toJson(a));
        break;
      case 't':
        s = toBool(a) ? 'true' : 'false';
        break;
      case 'x':
      case 'X':
        s = typeof a === 'number' ? Math.trunc(a).toString(16) : Buffer.from(str(a)).toString('hex');
        if (verb === 'X') s = s.toUpperCase();
        break;
      case 'o':
        s = Math.trunc(toNum(a)).toString(8);
        break;
      case 'b':
        s = Math.trunc(toNum(a)).toString(2);
        break;
      default:
        throw new EvalError(`format: unsupported verb %${verb}`);
    }
    const w = width && width !== '*' ? Number(width) : 0;
    if (s.length < w) s = flags.includes('-') ? s.padEnd(w) : flags.includes('0') && verb !== 's' ? (s.startsWith('-') ? '-' + s.slice(1).padStart(w - 1, '0') : s.padStart(w, '0')) : s.padStart(w);
    return s;
  });
}

// ---- CIDR ---------------------------------------------------------------------------------
interface Net {
  v6: boolean;
  addr: bigint;
  bits: number;
}
function parseCidr(s: string): Net {
  const [ip, len] = s.split('/');
  if (!ip || len === undefined) throw new EvalError(`invalid CIDR ${s}`);
  const bits = Number(len);
  if (ip.includes(':')) {
    const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, undefined];
    const h = head ? head.split(':') : [];
    const t = tail ? tail.split(':') : [];
    const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
    if (groups.length !== 8) throw new EvalError(`invalid IPv6 ${ip}`);
    let addr = 0n;
    for (const g of groups) addr = (addr << 16n) | BigInt(parseInt(g || '0', 16));
    return { v6: true, addr, bits };
  }
  const o = ip.split('.').map(Number);
  if (o.length !== 4 || o.some((x) => !(x >= 0 && x <= 255))) throw new EvalError(`invalid IP ${ip}`);
  return { v6: false, addr: BigInt(((o[0] as number) * 2 ** 24 + (o[1] as number) * 2 ** 16 + (o[2] as number) * 256 + (o[3] as number))), bits };
}
function fmtIp(addr: bigint, v6: boolean): string {
  if (!v6) return [24n, 16n, 8n, 0n].map((sh) => String((addr >> sh) & 255n)).join('.');
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((addr >> BigInt(i * 16)) & 0xffffn).toString(16));
  // compress the longest run of zero groups
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen && j - i > 1) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return groups.slice(0, best).join(':') + '::' + groups.slice(best + bestLen).join(':');
}
function cidrsubnet(prefix: string, newbits: number, netnum: number): string {
  const n = parseCidr(prefix);
  const total = n.v6 ? 128 : 32;
  const bits = n.bits + newbits;
  if (bits > total) throw new EvalError('cidrsubnet: insufficient address space');
  if (netnum >= 2 ** newbits || netnum < 0) throw new EvalError('cidrsubnet: netnum out of range');
  const mask = ((1n << BigInt(total)) - 1n) ^ ((1n << BigInt(total - n.bits)) - 1n);
  const base = n.addr & mask;
  const addr = base | (BigInt(netnum) << BigInt(total - bits));
  return `${fmtIp(addr, n.v6)}/${bits}`;
}
function cidrhost(prefix: string, hostnum: number): string {
  const n = parseCidr(prefix);
  const total = n.v6 ? 128 : 32;
  const size = 1n << BigInt(total - n.bits);
  let h = BigInt(hostnum);
  if (h < 0n) h = size + h;
  if (h < 0n || h >= size) throw new EvalError('cidrhost: host number out of range');
  const mask = ((1n << BigInt(total)) - 1n) ^ (size - 1n);
  return fmtIp((n.addr & mask) | h, n.v6);
}

function regexOf(pattern: string): RegExp | undefined {
  const m = /^\/(.*)\/$/s.exec(pattern);
  if (!m) return undefined;
  let src = m[1] as string;
  let flags = 'g';
  const inline = /^\(\?([imsU]+)\)/.exec(src);
  if (inline) {
    src = src.slice(inline[0].length);
    for (const f of inline[1] as string) if ('ims'.includes(f)) flags += f;
  }
  try {
    return new RegExp(src, flags);
  } catch {
    throw new EvalError(`invalid regular expression ${pattern}`);
  }
}

function hashOf(algo: string): Fn {
  return (a) => createHash(algo).update(str(a[0] as Value)).digest('hex');
}

function cmpSort(a: Value, b: Value): number {
  const x = str(a);
  const y = str(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Set operations cannot dedupe values that are not known yet: the whole result is unknown. */
function known(l: Value[]): Value[] {
  if (l.some((x) => isUnknown(x) || isLazy(x))) throw new UnknownSignal();
  return l;
}

function numList(args: Value[]): number[] {
  return args.map(toNum);
}

const FUNCS: Record<string, Fn> = {
  jsonencode: (a) => goJson(toJson(a[0] as Value)),
  jsondecode: (a) => {
    try {
      return fromJson(JSON.parse(str(a[0] as Value)));
    } catch {
      throw new EvalError('jsondecode: invalid JSON');
    }
  },
  yamldecode: () => {
    throw new UnknownSignal();
  },
  merge: (a) => {
    const out: Record<string, Value> = {};
    for (const m of a) {
      if (m === null) continue;
      if (isUnknown(m)) throw new UnknownSignal();
      Object.assign(out, obj(m));
    }
    return out;
  },
  concat: (a) => {
    const out: Value[] = [];
    for (const l of a) {
      if (isUnknown(l)) throw new UnknownSignal();
      pushAll(out, list(l));
    }
    return out;
  },
  lookup: (a) => {
    const m = a[0] as Value;
    if (isUnknown(m)) throw new UnknownSignal();
    const k = str(a[1] as Value);
    const o = isLazy(m) ? (m.keys().includes(k) ? { [k]: m.get(k) } : {}) : obj(m);
    if (k in o) return o[k] as Value;
    if (a.length > 2) return a[2] as Value;
    throw new EvalError(`lookup: no key ${k}`);
  },
  coalesce: (a) => {
    for (const x of a) {
      if (isUnknown(x)) throw new UnknownSignal();
      if (x !== null && x !== '') return x;
    }
    throw new EvalError('coalesce: no non-null argument');
  },
  coalescelist: (a) => {
    for (const x of a) {
      if (isUnknown(x)) throw new UnknownSignal();
      if (Array.isArray(x) && x.length) return x;
    }
    throw new EvalError('coalescelist: no non-empty list');
  },
  format: (a) => format(str(a[0] as Value), a.slice(1)),
  formatlist: (a) => {
    const lists = a.slice(1).filter(Array.isArray) as Value[][];
    const n = lists.length ? minOf(lists.map((l) => l.length)) : 1;
    const out: Value[] = [];
    for (let i = 0; i < n; i++) out.push(format(str(a[0] as Value), a.slice(1).map((x) => (Array.isArray(x) ? (x[i] as Value) : x))));
    return out;
  },
  join: (a) => {
    const sep = str(a[0] as Value);
    const parts: string[] = [];
    for (const l of a.slice(1)) for (const x of list(l)) parts.push(str(x));
    return parts.join(sep);
  },
  split: (a) => str(a[1] as Value).split(str(a[0] as Value)),
  length: (a) => {
    const v = a[0] as Value;
    if (typeof v === 'string') return [...v].length;
    if (Array.isArray(v)) return v.length;
    if (isLazy(v)) return v.keys().length;
    return Object.keys(obj(v)).length;
  },
  element: (a) => {
    const l = list(a[0] as Value);
    if (!l.length) throw new EvalError('element: empty list');
    const i = Math.trunc(toNum(a[1] as Value));
    return l[((i % l.length) + l.length) % l.length] as Value;
  },
  index: (a) => {
    const i = list(a[0] as Value).findIndex((x) => equal(x, a[1] as Value));
    if (i < 0) throw new EvalError('index: not found');
    return i;
  },
  keys: (a) => {
    const v = a[0] as Value;
    if (isLazy(v)) return v.keys().sort();
    return Object.keys(obj(v)).sort();
  },
  values: (a) => elements(isLazy(a[0] as Value) ? obj(a[0] as Value) : (obj(a[0] as Value) as Value)),
  toset: (a) => (a[0] === null ? null : toSet(known(elements(a[0] as Value)))),
  tolist: (a) => (a[0] === null ? null : list(a[0] as Value)),
  tomap: (a) => (a[0] === null ? null : obj(a[0] as Value)),
  tostring: (a) => (a[0] === null ? null : str(a[0] as Value)),
  tonumber: (a) => (a[0] === null ? null : toNum(a[0] as Value)),
  tobool: (a) => (a[0] === null ? null : toBool(a[0] as Value)),
  flatten: (a) => flatten(list(a[0] as Value)),
  distinct: (a) => {
    const out: Value[] = [];
    for (const x of known(list(a[0] as Value))) if (!out.some((y) => equal(x, y))) out.push(x);
    return out;
  },
  contains: (a) => {
    const l = elements(a[0] as Value);
    if (l.some((x) => isUnknown(x))) throw new UnknownSignal();
    return l.some((x) => equal(x, a[1] as Value));
  },
  cidrsubnet: (a) => cidrsubnet(str(a[0] as Value), toNum(a[1] as Value), toNum(a[2] as Value)),
  cidrsubnets: (a) => {
    const base = parseCidr(str(a[0] as Value));
    const total = base.v6 ? 128 : 32;
    const out: Value[] = [];
    let cur = base.addr & (((1n << BigInt(total)) - 1n) ^ ((1n << BigInt(total - base.bits)) - 1n));
    for (const nb of a.slice(1).map(toNum)) {
      const bits = base.bits + nb;
      const size = 1n << BigInt(total - bits);
      if (cur % size !== 0n) cur = (cur / size + 1n) * size;
      out.push(`${fmtIp(cur, base.v6)}/${bits}`);
      cur += size;
    }
    return out;
  },
  cidrhost: (a) => cidrhost(str(a[0] as Value), toNum(a[1] as Value)),
  cidrnetmask: (a) => {
    const n = parseCidr(str(a[0] as Value));
    return fmtIp(((1n << 32n) - 1n) ^ ((1n << BigInt(32 - n.bits)) - 1n), false);
  },
  replace: (a) => {
    const s = str(a[0] as Value);
    const pat = str(a[1] as Value);
    const rep = str(a[2] as Value);
    const re = regexOf(pat);
    if (re) return s.replace(re, rep.replace(/\$\{(\d+)\}/g, '$$$1'));
    return s.split(pat).join(rep);
  },
  regex: (a) => {
    const re = regexOf('/' + str(a[0] as Value) + '/');
    const m = re ? new RegExp(re.source, re.flags.replace('g', '')).exec(str(a[1] as Value)) : null;
    if (!m) throw new EvalError('regex: no match');
    if (m.groups) return { ...m.groups } as Record<string, Value>;
    return m.length > 1 ? m.slice(1).map((x) => x ?? null) : m[0];
  },
  regexall: (a) => {
    const re = regexOf('/' + str(a[0] as Value) + '/');
    if (!re) return [];
    return [...str(a[1] as Value).matchAll(re)].map((m) => (m.length > 1 ? m.slice(1).map((x) => x ?? null) : m[0]));
  },
  lower: (a) => str(a[0] as Value).toLowerCase(),
  upper: (a) => str(a[0] as Value).toUpperCase(),
  title: (a) => str(a[0] as Value).replace(/\b\w/g, (c) => c.toUpperCase()),
  min: (a) => minOf(numList(a)),
  max: (a) => maxOf(numList(a)),
  abs: (a) => Math.abs(toNum(a[0] as Value)),
  ceil: (a) => Math.ceil(toNum(a[0] as Value)),
  floor: (a) => Math.floor(toNum(a[0] as Value)),
  pow: (a) => toNum(a[0] as Value) ** toNum(a[1] as Value),
  signum: (a) => Math.sign(toNum(a[0] as Value)),
  parseint: (a) => {
    const n = parseInt(str(a[0] as Value), toNum(a[1] as Value));
    if (Number.isNaN(n)) throw new EvalError('parseint: invalid number');
    return n;
  },
  substr: (a) => {
    const chars = [...str(a[0] as Value)];
    let off = Math.trunc(toNum(a[1] as Value));
    const len = Math.trunc(toNum(a[2] as Value));
    if (off < 0) off = chars.length + off;
    return chars.slice(off, len < 0 ? undefined : off + len).join('');
  },
  trimspace: (a) => str(a[0] as Value).trim(),
  trim: (a) => {
    const cut = new Set([...str(a[1] as Value)]);
    const chars = [...str(a[0] as Value)];
    let i = 0;
    let j = chars.length;
    while (i < j && cut.has(chars[i] as string)) i++;
    while (j > i && cut.has(chars[j - 1] as string)) j--;
    return chars.slice(i, j).join('');
  },
  trimprefix: (a) => {
    const s = str(a[0] as Value);
    const p = str(a[1] as Value);
    return s.startsWith(p) ? s.slice(p.length) : s;
  },
  trimsuffix: (a) => {
    const s = str(a[0] as Value);
    const p = str(a[1] as Value);
    return p && s.endsWith(p) ? s.slice(0, -p.length) : s;
  },
  startswith: (a) => str(a[0] as Value).startsWith(str(a[1] as Value)),
  endswith: (a) => str(a[0] as Value).endsWith(str(a[1] as Value)),
  strcontains: (a) => str(a[0] as Value).includes(str(a[1] as Value)),
  strrev: (a) => [...str(a[0] as Value)].reverse().join(''),
  chomp: (a) => str(a[0] as Value).replace(/(\r?\n)+$/, ''),
  indent: (a) => str(a[1] as Value).replace(/\n/g, '\n' + ' '.repeat(toNum(a[0] as Value))),
  compact: (a) => list(a[0] as Value).filter((x) => x !== null && x !== ''),
  zipmap: (a) => {
    const ks = list(a[0] as Value);
    const vs = list(a[1] as Value);
    const out: Record<string, Value> = {};
    ks.forEach((k, i) => (out[str(k)] = vs[i] as Value));
    return out;
  },
  range: (a) => {
    const n = numList(a);
    const [start, end, step] = n.length === 1 ? [0, n[0] as number, 1] : [n[0] as number, n[1] as number, n[2] ?? ((n[0] as number) <= (n[1] as number) ? 1 : -1)];
    if (step === 0) throw new EvalError('range: step must not be zero');
    const out: Value[] = [];
    for (let i = start; step > 0 ? i < end : i > end; i += step) {
      out.push(i);
      if (out.length > 1024) throw new EvalError('range: more than 1024 elements');
    }
    return out;
  },
  one: (a) => {
    const l = list(a[0] as Value);
    if (l.length > 1) throw new EvalError('one: more than one element');
    return l.length ? (l[0] as Value) : null;
  },
  sort: (a) => [...list(a[0] as Value)].sort(cmpSort),
  reverse: (a) => [...list(a[0] as Value)].reverse(),
  slice: (a) => list(a[0] as Value).slice(toNum(a[1] as Value), toNum(a[2] as Value)),
  setunion: (a) => toSet(known(a.flatMap((x) => elements(x)))),
  setintersection: (a) => {
    const [first, ...rest] = a.map((x) => elements(x));
    return toSet((first ?? []).filter((x) => rest.every((r) => r.some((y) => equal(x, y)))));
  },
  setsubtract: (a) => toSet(elements(a[0] as Value).filter((x) => !elements(a[1] as Value).some((y) => equal(x, y)))),
  setproduct: (a) => {
    let acc: Value[][] = [[]];
    for (const l of a) acc = acc.flatMap((p) => elements(l).map((x) => [...p, x]));
    return acc;
  },
  chunklist: (a) => {
    const l = list(a[0] as Value);
    const n = toNum(a[1] as Value);
    const out: Value[] = [];
    for (let i = 0; i < l.length; i += n || l.length || 1) out.push(l.slice(i, i + (n || l.length)));
    return out;
  },
  transpose: (a) => {
    const out: Record<string, Value[]> = {};
    for (const [k, vs] of Object.entries(obj(a[0] as Value))) for (const v of list(vs)) (out[str(v)] ??= []).push(k);
    return out;
  },
  alltrue: (a) => list(a[0] as Value).every((x) => toBool(x)),
  anytrue: (a) => list(a[0] as Value).some((x) => toBool(x)),
  sum: (a) => list(a[0] as Value).reduce<number>((s, x) => s + toNum(x), 0),
  base64encode: (a) => Buffer.from(str(a[0] as Value)).toString('base64'),
  base64decode: (a) => Buffer.from(str(a[0] as Value), 'base64').toString('utf8'),
  // cloud-init user data is often gzipped; the bytes differ from Go's gzip, the content does not
  base64gzip: (a) => gzipSync(Buffer.from(str(a[0] as Value))).toString('base64'),
  urlencode: (a) => encodeURIComponent(str(a[0] as Value)),
  md5: hashOf('md5'),
  sha1: hashOf('sha1'),
  sha256: hashOf('sha256'),
  sha512: hashOf('sha512'),
  base64sha256: (a) => createHash('sha256').update(str(a[0] as Value)).digest('base64'),
  uuid: () => {
    throw new UnknownSignal();
  },
  timestamp: () => {
    throw new UnknownSignal();
  },
  file: (a, host) => {
    const text = host.readFile(str(a[0] as Value));
    if (text === undefined) throw new UnknownSignal();
    return text;
  },
  fileexists: (a, host) => {
    const text = host.readFile(str(a[0] as Value));
    if (text === undefined) throw new UnknownSignal();
    return true;
  },
  filebase64: (a, host) => {
    const text = host.readFile(str(a[0] as Value));
    if (text === undefined) throw new UnknownSignal();
    return Buffer.from(text).toString('base64');
  },
  templatefile: (a, host) => {
    const text = host.readFile(str(a[0] as Value));
    if (text === undefined) throw new UnknownSignal();
    return host.renderTemplate(text, a.length > 1 ? obj(a[1] as Value) : {});
  },
  abspath: (a) => str(a[0] as Value),
  dirname: (a) => str(a[0] as Value).replace(/\/[^/]*$/, '') || '.',
  basename: (a) => str(a[0] as Value).replace(/.*\//, ''),
  pathexpand: (a) => str(a[0] as Value),
  type: (a) => typeName(a[0] as Value),
  nonsensitive: (a) => a[0] as Value,
};

/** Functions whose arguments may hold unknowns in nested positions without making the result unknown. */
const NESTED_OK = new Set(['merge', 'concat', 'lookup', 'length', 'keys', 'element', 'tolist', 'toset', 'tomap', 'coalesce', 'coalescelist', 'one', 'slice', 'reverse', 'compact', 'flatten', 'values', 'zipmap', 'contains', 'distinct', 'index', 'setunion']);

export const FUNCTION_NAMES = new Set(Object.keys(FUNCS));

/**
 * Call a built-in function on evaluated arguments. Unknown arguments give UNKNOWN, sensitive ones
 * give a sensitive result; unknown function names give UNKNOWN (a newer Terraform or a provider function).
 */
export function callFunction(name: string, args: Value[], host: FnHost): Value {
  const fn = FUNCS[name];
  if (!fn) return UNKNOWN;
  if (name === 'jsonencode' && args.length === 1 && hasMarker(args[0] as Value) === 'unknown') return partialJsonencode(args[0] as Value);
  let sensitive = false;
  for (const a of args) {
    const m = NESTED_OK.has(name) ? (isUnknown(a) ? 'unknown' : isSensitive(a) ? 'sensitive' : undefined) : hasMarker(isLazy(a) ? plain(a) : a);
    if (m === 'unknown') return UNKNOWN;
    if (m === 'sensitive') sensitive = true;
  }
  if (sensitive && name !== 'nonsensitive' && name !== 'length') return SENSITIVE;
  try {
    return fn(args, host);
  } catch (e) {
    if (e instanceof UnknownSignal) return UNKNOWN;
    if (e instanceof EvalError) throw e;
    if (e instanceof RangeError) throw new EvalError(`${name}: ${e.message}`);
    throw new EvalError(`${name}: ${(e as Error).message}`);
  }
}
