/**
 * The JSON form of a configuration file as @cdktf/hcl2json (tmccombs/hcl2json, as forked by cdktf)
 * writes it, from the tree of native-syntax.ts: blocks nest by type and labels into lists of bodies,
 * literals are JSON values, templates are strings (literal `${`/`%{` escaped as `$${`/`%%{`, `a ? b : c`
 * inside `${}` written as `%{if}`), and any other expression is `${<its source text>}`. Keys come out in
 * Go's order (sorted by UTF-8 bytes), as Go's JSON encoder writes maps.
 */
import { parseNativeSyntax, Unsupported, type Body, type Expr } from './native-syntax.js';

/** Go compares map keys by UTF-8 bytes; UTF-16 order differs only between surrogates and U+E000-FFFF. */
function goLess(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      const cx = a.codePointAt(i) as number;
      const cy = b.codePointAt(i) as number;
      return cx < cy ? -1 : 1;
    }
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

function setKey(o: Record<string, unknown>, k: string, v: unknown): void {
  // JSON.parse makes `__proto__` an own property; an assignment would set the prototype
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  else o[k] = v;
}

/** A plain object with the map's keys in Go's order (nested maps too). */
function materialize(m: Map<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = [...m.keys()];
  if (keys.length > 1) keys.sort(goLess);
  for (const k of keys) {
    const v = m.get(k);
    setKey(out, k, v instanceof Map ? materialize(v as Map<string, unknown>) : v);
  }
  return out;
}

class Converter {
  constructor(private readonly src: string) {}

  /** The source text of a range; hcl2json also takes a `)` that directly follows it. */
  private source(x: Expr): string {
    let e = x.e;
    if (this.src.charCodeAt(e) === 41) e++;
    return this.src.slice(x.s, e);
  }

  private wrap(x: Expr): string {
    return '${' + this.source(x) + '}';
  }

  body(b: Body): Record<string, unknown> {
    const out = new Map<string, unknown>();
    for (const blk of b.blocks) {
      let cur = out;
      let key = blk.type;
      for (const label of blk.labels) {
        const have = cur.get(key);
        if (have === undefined) {
          const m = new Map<string, unknown>();
          cur.set(key, m);
          cur = m;
        } else if (have instanceof Map) cur = have as Map<string, unknown>;
        else throw new Unsupported('blocks with and without labels', 0);
        key = label;
      }
      const value = this.body(blk.body);
      const have = cur.get(key);
      if (have === undefined) cur.set(key, [value]);
      else if (Array.isArray(have)) have.push(value);
      else throw new Unsupported('blocks with and without labels', 0);
    }
    for (const [name, x] of b.attrs) {
      if (out.has(name)) throw new Unsupported(`argument and block both named ${name}`, x.s);
      out.set(name, this.expr(x));
    }
    return materialize(out);
  }

  expr(x: Expr): unknown {
    switch (x.k) {
      case 'num':
      case 'bool':
        return x.v;
      case 'null':
        return null;
      case 'str':
        return escapeLiteral(x.v);
      case 'unary': {
        const v = x.x;
        if (v.k === 'num' && x.op === '-') return -v.v;
        if (v.k === 'bool' && x.op === '!') return !v.v;
        if (v.k === 'num' || v.k === 'bool' || v.k === 'null') throw new Unsupported('unary operator on an unsuitable literal', x.s);
        return this.wrap(x);
      }
      case 'tmpl':
        return this.template(x);
      case 'wrap':
        return this.expr(x.x);
      case 'tuple':
        return x.items.map((i) => this.expr(i));
      case 'object': {
        const m = new Map<string, unknown>();
        for (const { key, val } of x.items) m.set(key.k === 'trav' ? this.source(key) : this.stringPart(key), this.expr(val));
        return materialize(m);
      }
      default:
        return this.wrap(x);
    }
  }

  private template(x: Extract<Expr, { k: 'tmpl' }>): string {
    const only = x.parts.length === 1 ? x.parts[0]! : undefined;
    if (only?.k === 'str') return escapeLiteral(only.v);
    let out = '';
    for (const p of x.parts) out += this.stringPart(p);
    return out;
  }

  private stringPart(x: Expr): string {
    switch (x.k) {
      case 'str':
        return escapeLiteral(x.v);
      case 'num':
        return numberText(x.text, x.s);
      case 'bool':
        return x.v ? 'true' : 'false';
      case 'null':
        throw new Unsupported('null in a template', x.s);
      case 'tmpl':
        return this.template(x);
      case 'wrap':
        return this.stringPart(x.x);
      case 'cond': {
        const a = this.stringPart(x.a);
        const b = this.stringPart(x.b);
        return `%{if ${this.source(x.c)}}${a}${b ? `%{else}${b}` : ''}%{endif}`;
      }
      case 'tfor':
        return `%{for ${x.kv ? `${x.kv}, ` : ''}${x.vv} in ${this.source(x.coll)}}${this.stringPart(x.body)}%{endfor}`;
      default:
        return this.wrap(x);
    }
  }
}

/** hcl2json writes template text back in template syntax: a literal `${` or `%{` is escaped. */
function escapeLiteral(s: string): string {
  if (!s.includes('{')) return s;
  return s.split('${').join('$${').split('%{').join('%%{');
}

/** A number literal as a string (Go's big.Float Text('f', -1)), for the plain decimal forms. */
function numberText(text: string, at: number): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Unsupported('number with an exponent in a template', at);
  const int = (m[1] as string).replace(/^0+(?=\d)/, '');
  const frac = (m[2] ?? '').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

/**
 * Parse HCL native syntax to the JSON form hcl2json gives. Throws `Unsupported` (a syntax error, or a
 * construct this parser leaves to the WASM parser).
 */
export function nativeHclToJson(src: string): Record<string, unknown> {
  return new Converter(src).body(parseNativeSyntax(src));
}
