/**
 * A compact parser for the HCL expression and template language (the `${...}` strings the syntax
 * parser hands us). One pass over the text with one token of lookahead; quoted strings and heredocs
 * switch into template mode. Nesting is bounded so hostile input fails cleanly instead of overflowing.
 */
import { minOf } from '../../util/push-all.js';

export type Node =
  | { t: 'lit'; v: null | boolean | number | string }
  | { t: 'tmpl'; parts: TPart[] }
  | { t: 'var'; name: string }
  | { t: 'attr'; obj: Node; name: string }
  | { t: 'index'; obj: Node; key: Node }
  | { t: 'splat'; obj: Node; ops: Op[] }
  | { t: 'call'; name: string; args: Node[]; expand: boolean }
  | { t: 'unop'; op: '!' | '-'; x: Node }
  | { t: 'binop'; op: string; l: Node; r: Node }
  | { t: 'cond'; c: Node; a: Node; b: Node }
  | { t: 'tuple'; items: Node[] }
  | { t: 'object'; items: Array<{ k: Node; v: Node }> }
  | { t: 'for'; obj: boolean; k?: string; v: string; coll: Node; key?: Node; val: Node; cond?: Node; group: boolean }
  | { t: 'paren'; x: Node };

/** A traversal step applied to each element of a splat. */
export type Op = { t: 'attr'; name: string } | { t: 'index'; key: Node };

export type TPart =
  | string
  | { t: 'interp'; x: Node }
  | { t: 'if'; c: Node; a: TPart[]; b: TPart[] }
  | { t: 'tfor'; k?: string; v: string; coll: Node; body: TPart[] };

export class ParseError extends Error {
  constructor(message: string, readonly pos: number) {
    super(message);
    this.name = 'ParseError';
  }
}

interface Tok {
  k: 'num' | 'id' | 'op' | 'str' | 'heredoc' | 'eof';
  v: string;
  start: number;
  end: number;
}

const OPS3 = ['...'];
const OPS2 = ['==', '!=', '<=', '>=', '&&', '||', '=>', '[*', '.*'];
const OPS1 = '+-*/%<>!?:=.,()[]{}~';
const PREC: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };
const MAX_DEPTH = 120;

class Parser {
  private pos = 0;
  private la: Tok | undefined;
  private depth = 0;
  constructor(private readonly src: string) {}

  // ---- lexer -------------------------------------------------------------------------------
  private skipSpace(): void {
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else if (c === '#' || (c === '/' && s[this.pos + 1] === '/')) {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      } else if (c === '/' && s[this.pos + 1] === '*') {
        const end = s.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? s.length : end + 2;
      } else return;
    }
  }

  private lex(): Tok {
    this.skipSpace();
    const s = this.src;
    const start = this.pos;
    if (start >= s.length) return { k: 'eof', v: '', start, end: start };
    const c = s[start] as string;
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(s.slice(start, start + 64)) as RegExpExecArray;
      return { k: 'num', v: m[0], start, end: start + m[0].length };
    }
    if (/[A-Za-z_]/.test(c)) {
      let e = start + 1;
      while (e < s.length && /[A-Za-z0-9_-]/.test(s[e] as string)) e++;
      // `a-1`: a trailing '-' belongs to the identifier only when followed by an identifier char.
      return { k: 'id', v: s.slice(start, e), start, end: e };
    }
    if (c === '"') return { k: 'str', v: '"', start, end: start + 1 };
    if (c === '<' && s[start + 1] === '<') {
      const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(s.slice(start, start + 200));
      if (m) return { k: 'heredoc', v: m[0], start, end: start + m[0].length };
    }
    for (const op of OPS3) if (s.startsWith(op, start)) return { k: 'op', v: op, start, end: start + op.length };
    for (const op of OPS2) {
      if (s.startsWith(op, start)) {
        if (op === '[*' && !/^\[\s*\*\s*\]/.test(s.slice(start, start + 16))) continue;
        if (op === '[*') {
          const e = s.indexOf(']', start) + 1;
          return { k: 'op', v: '[*]', start, end: e };
        }
        if (op === '.*' && /[0-9]/.test(s[start + 2] ?? '')) continue;
        return { k: 'op', v: op, start, end: start + 2 };
      }
    }
    if (OPS1.includes(c)) return { k: 'op', v: c, start, end: start + 1 };
    throw new ParseError(`unexpected character ${JSON.stringify(c)}`, start);
  }

  private peek(): Tok {
    if (!this.la) {
      const save = this.pos;
      this.la = this.lex();
      this.pos = save;
    }
    return this.la;
  }
  private next(): Tok {
    const t = this.peek();
    this.pos = t.end;
    this.la = undefined;
    return t;
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.k === 'op' && t.v === v;
  }
  private eat(v: string): boolean {
    if (this.isOp(v)) {
      this.next();
      return true;
    }
    return false;
  }
  private expect(v: string): void {
    const t = this.peek();
    if (!(t.k === 'op' && t.v === v)) throw new ParseError(`expected '${v}' but found '${t.v || 'end of expression'}'`, t.start);
    this.next();
  }
  private ident(): string {
    const t = this.next();
    if (t.k !== 'id') throw new ParseError(`expected a name but found '${t.v || 'end of expression'}'`, t.start);
    return t.v;
  }

  // ---- expressions -------------------------------------------------------------------------
  parseAll(): Node {
    const n = this.expr();
    const t = this.peek();
    if (t.k !== 'eof') throw new ParseError(`unexpected '${t.v}' after expression`, t.start);
    return n;
  }

  expr(): Node {
    if (++this.depth > MAX_DEPTH) throw new ParseError('expression nested too deeply', this.pos);
    try {
      const c = this.binary(0);
      if (this.eat('?')) {
        const a = this.expr();
        this.expect(':');
        const b = this.expr();
        return { t: 'cond', c, a, b };
      }
      return c;
    } finally {
      this.depth--;
    }
  }

  private binary(min: number): Node {
    let l = this.unary();
    for (;;) {
      const t = this.peek();
      const p = t.k === 'op' ? PREC[t.v] : undefined;
      if (p === undefined || p <= min) return l;
      this.next();
      const r = this.binary(p);
      l = { t: 'binop', op: t.v, l, r };
    }
  }

  private unary(): Node {
    if (this.isOp('!') || this.isOp('-')) {
      const op = this.next().v as '!' | '-';
      if (++this.depth > MAX_DEPTH) throw new ParseError('expression nested too deeply', this.pos);
      try {
        const x = this.unary();
        if (op === '-' && x.t === 'lit' && typeof x.v === 'number') return { t: 'lit', v: -x.v };
        return { t: 'unop', op, x };
      } finally {
        this.depth--;
      }
    }
    return this.postfix(this.primary());
  }

  private postfix(n: Node): Node {
    for (;;) {
      if (this.isOp('.')) {
        this.next();
        const t = this.next();
        if (t.k === 'id') n = { t: 'attr', obj: n, name: t.v };
        else if (t.k === 'num') {
          // `a.0` legacy index (a number token may swallow `0.1` as one literal)
          for (const part of t.v.split('.')) n = { t: 'index', obj: n, key: { t: 'lit', v: Number(part) } };
        } else throw new ParseError(`expected an attribute name after '.'`, t.start);
      } else if (this.isOp('[')) {
        this.next();
        const key = this.expr();
        this.expect(']');
        n = { t: 'index', obj: n, key };
      } else if (this.isOp('[*]') || this.isOp('.*')) {
        const full = this.next().v === '[*]';
        const ops: Op[] = [];
        for (;;) {
          if (this.isOp('.')) {
            this.next();
            const t = this.next();
            if (t.k === 'id') ops.push({ t: 'attr', name: t.v });
            else if (t.k === 'num') ops.push({ t: 'index', key: { t: 'lit', v: Number(t.v) } });
            else throw new ParseError(`expected an attribute name after '.'`, t.start);
          } else if (full && this.isOp('[')) {
            this.next();
            const key = this.expr();
            this.expect(']');
            ops.push({ t: 'index', key });
          } else break;
        }
        n = { t: 'splat', obj: n, ops };
      } else return n;
    }
  }

  private primary(): Node {
    const t = this.peek();
    if (t.k === 'num') {
      this.next();
      return { t: 'lit', v: Number(t.v) };
    }
    if (t.k === 'str') {
      this.next();
      const parts = this.template('"');
      return templateNode(parts);
    }
    if (t.k === 'heredoc') {
      this.next();
      return templateNode(this.heredoc(t.v));
    }
    if (t.k === 'id') {
      this.next();
      if (t.v === 'true' || t.v === 'false') return { t: 'lit', v: t.v === 'true' };
      if (t.v === 'null') return { t: 'lit', v: null };
      if (this.isOp('(')) {
        this.next();
        const args: Node[] = [];
        let expand = false;
        while (!this.isOp(')')) {
          args.push(this.expr());
          if (this.eat('...')) expand = true;
          if (!this.eat(',')) break;
        }
        this.expect(')');
        return { t: 'call', name: t.v.includes('::') ? (t.v.split('::').pop() as string) : t.v, args, expand };
      }
      if (this.src.startsWith('::', this.pos)) {
        // provider::aws::arn_parse(...) — provider functions are not evaluated.
        while (this.src.startsWith('::', this.pos)) {
          this.pos += 2;
          this.la = undefined;
          this.ident();
        }
        if (this.isOp('(')) {
          this.next();
          const args: Node[] = [];
          while (!this.isOp(')')) {
            args.push(this.expr());
            if (!this.eat(',')) break;
          }
          this.expect(')');
        }
        return { t: 'call', name: '::provider', args: [], expand: false };
      }
      return { t: 'var', name: t.v };
    }
    if (t.k === 'op') {
      if (t.v === '(') {
        this.next();
        const x = this.expr();
        this.expect(')');
        return { t: 'paren', x };
      }
      if (t.v === '[') {
        this.next();
        if (this.peek().k === 'id' && this.peek().v === 'for' && this.forAhead()) return this.forExpr(false);
        const items: Node[] = [];
        while (!this.isOp(']')) {
          items.push(this.expr());
          if (!this.eat(',')) break;
        }
        this.expect(']');
        return { t: 'tuple', items };
      }
      if (t.v === '{') {
        this.next();
        if (this.peek().k === 'id' && this.peek().v === 'for' && this.forAhead()) return this.forExpr(true);
        const items: Array<{ k: Node; v: Node }> = [];
        while (!this.isOp('}')) {
          const kt = this.peek();
          let k: Node;
          if (kt.k === 'id') {
            // A bare name is a literal key unless more expression follows (e.g. `a.b = 1` is not HCL).
            const save = this.pos;
            this.next();
            if (this.isOp('=') || this.isOp(':')) k = { t: 'lit', v: kt.v };
            else {
              this.pos = save;
              this.la = undefined;
              k = this.expr();
            }
          } else k = this.expr();
          if (!this.eat('=')) this.expect(':');
          const v = this.expr();
          items.push({ k, v });
          this.eat(',');
        }
        this.expect('}');
        return { t: 'object', items };
      }
    }
    throw new ParseError(`unexpected '${t.v || 'end of expression'}'`, t.start);
  }

  /** `for` followed by a name is a for expression (an object key called `for` is not). */
  private forAhead(): boolean {
    const m = /^for\s+[A-Za-z_][\w-]*\s*(,\s*[A-Za-z_][\w-]*\s*)?in\b/.exec(this.src.slice(this.peek().start, this.peek().start + 200));
    return !!m;
  }

  private forExpr(obj: boolean): Node {
    this.next(); // for
    let k: string | undefined;
    let v = this.ident();
    if (this.eat(',')) {
      k = v;
      v = this.ident();
    }
    const kw = this.ident();
    if (kw !== 'in') throw new ParseError(`expected 'in' in for expression`, this.pos);
    const coll = this.expr();
    this.expect(':');
    let key: Node | undefined;
    let val: Node;
    let group = false;
    if (obj) {
      key = this.expr();
      this.expect('=>');
      val = this.expr();
      if (this.eat('...')) group = true;
    } else val = this.expr();
    let cond: Node | undefined;
    if (this.peek().k === 'id' && this.peek().v === 'if') {
      this.next();
      cond = this.expr();
    }
    this.expect(obj ? '}' : ']');
    return { t: 'for', obj, k, v, coll, key, val, cond, group };
  }

  // ---- templates ---------------------------------------------------------------------------
  /**
   * Read template text from the current position up to `close` ('"' for a quoted string, '' for
   * the whole rest of the input). Quoted strings process backslash escapes.
   */
  template(close: '"' | ''): TPart[] {
    this.la = undefined;
    const stack: Array<{ kind: 'root' | 'if' | 'else' | 'for'; parts: TPart[]; node?: TPart }> = [{ kind: 'root', parts: [] }];
    const s = this.src;
    let buf = '';
    const flush = (): void => {
      if (buf) (stack[stack.length - 1] as { parts: TPart[] }).parts.push(buf);
      buf = '';
    };
    const escapes = close === '"';
    for (;;) {
      if (this.pos >= s.length) {
        if (close) throw new ParseError('unterminated string', this.pos);
        break;
      }
      const c = s[this.pos] as string;
      if (close && c === close) {
        this.pos++;
        break;
      }
      if (escapes && c === '\\') {
        const n = s[this.pos + 1] ?? '';
        const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
        if (n in map) {
          buf += map[n];
          this.pos += 2;
        } else if (n === 'u' || n === 'U') {
          const len = n === 'u' ? 4 : 8;
          buf += String.fromCodePoint(parseInt(s.slice(this.pos + 2, this.pos + 2 + len), 16) || 0xfffd);
          this.pos += 2 + len;
        } else {
          buf += n;
          this.pos += 2;
        }
        continue;
      }
      if ((c === '$' || c === '%') && s[this.pos + 1] === c && s[this.pos + 2] === '{') {
        buf += c + '{';
        this.pos += 3;
        continue;
      }
      if ((c === '$' || c === '%') && s[this.pos + 1] === '{') {
        this.pos += 2;
        if (s[this.pos] === '~') {
          this.pos++;
          buf = buf.replace(/\s+$/, '');
        }
        flush();
        const top = stack[stack.length - 1] as { kind: string; parts: TPart[]; node?: TPart };
        if (c === '$') {
          const x = this.expr();
          top.parts.push({ t: 'interp', x });
        } else {
          const kw = this.ident();
          if (kw === 'if') {
            const node: TPart = { t: 'if', c: this.expr(), a: [], b: [] };
            top.parts.push(node);
            stack.push({ kind: 'if', parts: node.a, node });
          } else if (kw === 'else') {
            const cur = stack.pop();
            if (!cur || cur.kind !== 'if' || !cur.node || typeof cur.node === 'string' || cur.node.t !== 'if') throw new ParseError('%{else} without %{if}', this.pos);
            stack.push({ kind: 'else', parts: cur.node.b, node: cur.node });
          } else if (kw === 'endif') {
            const cur = stack.pop();
            if (!cur || (cur.kind !== 'if' && cur.kind !== 'else')) throw new ParseError('%{endif} without %{if}', this.pos);
          } else if (kw === 'for') {
            let k: string | undefined;
            let v = this.ident();
            if (this.eat(',')) {
              k = v;
              v = this.ident();
            }
            if (this.ident() !== 'in') throw new ParseError(`expected 'in'`, this.pos);
            const node: TPart = { t: 'tfor', k, v, coll: this.expr(), body: [] };
            top.parts.push(node);
            stack.push({ kind: 'for', parts: node.body, node });
          } else if (kw === 'endfor') {
            const cur = stack.pop();
            if (!cur || cur.kind !== 'for') throw new ParseError('%{endfor} without %{for}', this.pos);
          } else throw new ParseError(`unknown template directive ${kw}`, this.pos);
        }
        // closing brace (with optional strip marker)
        this.la = undefined;
        this.skipSpace();
        let strip = false;
        if (s[this.pos] === '~') {
          strip = true;
          this.pos++;
        }
        if (s[this.pos] !== '}') throw new ParseError(`expected '}' in template`, this.pos);
        this.pos++;
        if (strip) while (this.pos < s.length && /\s/.test(s[this.pos] as string)) this.pos++;
        continue;
      }
      buf += c;
      this.pos++;
    }
    flush();
    if (stack.length !== 1) throw new ParseError('unterminated template directive', this.pos);
    this.la = undefined;
    return (stack[0] as { parts: TPart[] }).parts;
  }

  private heredoc(head: string): TPart[] {
    const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)/.exec(head) as RegExpExecArray;
    const indent = m[1] === '-';
    const marker = m[2] as string;
    const s = this.src;
    const lines: string[] = [];
    let p = this.pos;
    for (;;) {
      if (p >= s.length) throw new ParseError(`unterminated heredoc ${marker}`, p);
      let e = s.indexOf('\n', p);
      if (e < 0) e = s.length;
      const line = s.slice(p, e).replace(/\r$/, '');
      if (line.trim() === marker) {
        this.pos = e;
        break;
      }
      lines.push(line);
      p = e + 1;
    }
    let body = lines;
    if (indent) {
      const ws = minOf(lines.filter((l) => l.trim()).map((l) => (/^[ \t]*/.exec(l) as RegExpExecArray)[0].length));
      if (Number.isFinite(ws)) body = lines.map((l) => l.slice(ws));
    }
    this.la = undefined;
    return parseTemplate(body.map((l) => l + '\n').join(''));
  }
}

function templateNode(parts: TPart[]): Node {
  if (parts.length === 0) return { t: 'lit', v: '' };
  if (parts.length === 1 && typeof parts[0] === 'string') return { t: 'lit', v: parts[0] };
  return { t: 'tmpl', parts };
}

/** Parse an expression (no surrounding `${}`). */
export function parseExpression(src: string): Node {
  return new Parser(src).parseAll();
}

/** Parse template text (a string value from the syntax parser, a heredoc body, a templatefile). */
export function parseTemplate(src: string): TPart[] {
  return new Parser(src).template('');
}

const cache = new Map<string, Node>();

/**
 * The expression a string value from the syntax parser stands for: a template, which is the bare
 * interpolated value when it is a single `${...}`. Cached: the same text parses once.
 */
export function parseValueString(src: string): Node {
  let n = cache.get(src);
  if (!n) {
    n = templateNode(parseTemplate(src));
    if (n.t === 'tmpl' && n.parts.length === 1 && typeof n.parts[0] !== 'string' && n.parts[0]?.t === 'interp') n = n.parts[0].x;
    if (cache.size > 50000) cache.clear();
    cache.set(src, n);
  }
  return n;
}
