/**
 * HCL native syntax (`.tf`, `.tfvars`) parsed in TypeScript, to a small tree that keeps what the JSON
 * form of the WASM parser (@cdktf/hcl2json) needs: literal values, templates, tuples and objects, and
 * the source range of every other expression (hcl2json writes those as `${<source text>}`).
 *
 * It follows hclsyntax's grammar (hashicorp/hcl v2: bodies, blocks, one-line blocks, expressions,
 * templates, heredocs, for expressions, splats, comments, where newlines end an item). Anything it does
 * not handle exactly the way hclsyntax does, and every syntax error, throws `Unsupported`: the caller
 * then asks the WASM parser, which either parses the text or gives the error message users see.
 */

export class Unsupported extends Error {
  constructor(reason: string, readonly at: number) {
    super(reason);
    this.name = 'Unsupported';
  }
}

/** An expression: what the JSON form needs of it. `s`/`e` are its source range (UTF-16 offsets). */
export type Expr =
  | { k: 'num'; v: number; text: string; s: number; e: number }
  | { k: 'bool'; v: boolean; s: number; e: number }
  | { k: 'null'; s: number; e: number }
  /** A literal part of a template (already unescaped, trimmed and NFC-normalized). */
  | { k: 'str'; v: string; s: number; e: number }
  | { k: 'tmpl'; parts: Expr[]; s: number; e: number }
  /** A template that is one interpolation and nothing else (`"${x}"`): stands for `x` itself. */
  | { k: 'wrap'; x: Expr; s: number; e: number }
  | { k: 'tuple'; items: Expr[]; s: number; e: number }
  | { k: 'object'; items: Array<{ key: Expr; val: Expr }>; s: number; e: number }
  | { k: 'unary'; op: '-' | '!'; x: Expr; s: number; e: number }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr; s: number; e: number }
  /** `%{for}` in a template. */
  | { k: 'tfor'; kv: string; vv: string; coll: Expr; body: Expr; s: number; e: number }
  /** A name with static steps (`a.b[0]`): an object key written this way is the text itself. */
  | { k: 'trav'; s: number; e: number }
  | { k: 'other'; s: number; e: number };

export interface Block {
  type: string;
  labels: string[];
  body: Body;
}

export interface Body {
  attrs: Map<string, Expr>;
  blocks: Block[];
}

const EOF = 0;
const NL = 1;
const IDENT = 2;
const NUMBER = 3;
const OQUOTE = 4;
const OHEREDOC = 5;
const PUNCT = 6;

/** Nesting the parser follows itself; deeper text goes to the WASM parser (which has its own limit). */
const MAX_DEPTH = 200;

const isIdentStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isIdentPart = (c: number): boolean => isIdentStart(c) || (c >= 48 && c <= 57) || c === 45;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Go's unicode.IsSpace. */
export function isSpace(c: number): boolean {
  if (c <= 0xff) return c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

export function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i ? s.slice(i) : s;
}

export function trimRightSpace(s: string): string {
  let i = s.length;
  while (i > 0 && isSpace(s.charCodeAt(i - 1))) i--;
  return i < s.length ? s.slice(0, i) : s;
}

const PUNCT1 = new Set(['[', ']', '(', ')', '{', '}', '.', ',', '*', '/', '%', '+', '-', '=', '<', '>', '!', '?', ':', '~']);
const BINARY = new Set(['||', '&&', '==', '!=', '<', '>', '<=', '>=', '+', '-', '*', '/', '%']);

/** One token of a template before directives are matched (hclsyntax's templateToken). */
type TTok =
  | { k: 'lit'; v: string }
  | { k: 'interp'; x: Expr }
  | { k: 'if'; c: Expr; s: number }
  | { k: 'for'; kv: string; vv: string; coll: Expr; s: number }
  | { k: 'else' | 'endif' | 'endfor'; s: number; e: number };

class Parser {
  pos = 0;
  /** Newlines are tokens (bodies, object constructors) or skipped (brackets, templates). */
  nl = true;
  /** End of the last token read. */
  last = 0;
  depth = 0;
  // the token at `tokAt` scanned with newline mode `tokNl` (one token of lookahead)
  tokAt = -1;
  tokNl = true;
  tt = EOF;
  ts = 0;
  te = 0;
  tv = '';

  constructor(readonly src: string) {}

  bail(reason: string, at = this.pos): never {
    throw new Unsupported(reason, at);
  }

  // ---- tokens ---------------------------------------------------------------------------------

  /** Scan the next token from `pos` (without consuming it). */
  peek(): number {
    if (this.tokAt === this.pos && this.tokNl === this.nl) return this.tt;
    const s = this.src;
    const n = s.length;
    let i = this.pos;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9) i++;
      else if (c === 10 || (c === 13 && s.charCodeAt(i + 1) === 10)) {
        const w = c === 13 ? 2 : 1;
        if (this.nl) return this.setTok(NL, i, i + w, '');
        i += w;
      } else if (c === 35 || (c === 47 && s.charCodeAt(i + 1) === 47)) {
        // a line comment ends with its newline, which counts as one where newlines matter
        const eol = s.indexOf('\n', i);
        if (eol < 0) i = n;
        else if (this.nl) return this.setTok(NL, i, eol + 1, '');
        else i = eol + 1;
      } else if (c === 47 && s.charCodeAt(i + 1) === 42) {
        const end = s.indexOf('*/', i + 2);
        if (end < 0) this.bail('unterminated comment', i);
        i = end + 2; // a comment spanning lines is not a newline (as in hclsyntax)
      } else break;
    }
    if (i >= n) return this.setTok(EOF, n, n, '');
    const c = s.charCodeAt(i);
    if (isIdentStart(c)) {
      let e = i + 1;
      while (e < n && isIdentPart(s.charCodeAt(e))) e++;
      if (e < n && s.charCodeAt(e) >= 0x80) this.bail('non-ASCII identifier', e);
      return this.setTok(IDENT, i, e, s.slice(i, e));
    }
    if (isDigit(c)) {
      let e = i + 1;
      while (isDigit(s.charCodeAt(e))) e++;
      if (s.charCodeAt(e) === 46 && isDigit(s.charCodeAt(e + 1))) {
        e += 2;
        while (isDigit(s.charCodeAt(e))) e++;
      }
      const x = s.charCodeAt(e);
      if (x === 101 || x === 69) {
        let f = e + 1;
        const sign = s.charCodeAt(f);
        if (sign === 43 || sign === 45) f++;
        if (isDigit(s.charCodeAt(f))) {
          e = f + 1;
          while (isDigit(s.charCodeAt(e))) e++;
        }
      }
      return this.setTok(NUMBER, i, e, s.slice(i, e));
    }
    if (c === 34) return this.setTok(OQUOTE, i, i + 1, '"');
    if (c === 60 && s.charCodeAt(i + 1) === 60) {
      // `<<EOT` / `<<-EOT` immediately followed by a newline
      let e = i + 2;
      if (s.charCodeAt(e) === 45) e++;
      if (isIdentStart(s.charCodeAt(e))) {
        e++;
        while (isIdentPart(s.charCodeAt(e))) e++;
        if (s.charCodeAt(e) === 10) return this.setTok(OHEREDOC, i, e + 1, s.slice(i, e));
        if (s.charCodeAt(e) === 13 && s.charCodeAt(e + 1) === 10) return this.setTok(OHEREDOC, i, e + 2, s.slice(i, e));
      }
    }
    const three = s.slice(i, i + 3);
    if (three === '...') return this.setTok(PUNCT, i, i + 3, three);
    const two = three.slice(0, 2);
    if (two === '==' || two === '!=' || two === '<=' || two === '>=' || two === '&&' || two === '||' || two === '::' || two === '=>') return this.setTok(PUNCT, i, i + 2, two);
    const one = s[i] as string;
    if (PUNCT1.has(one)) return this.setTok(PUNCT, i, i + 1, one);
    return this.bail(`unexpected character ${JSON.stringify(one)}`, i);
  }

  private setTok(t: number, s: number, e: number, v: string): number {
    this.tokAt = this.pos;
    this.tokNl = this.nl;
    this.tt = t;
    this.ts = s;
    this.te = e;
    this.tv = v;
    return t;
  }

  /** The text of the token last peeked (a method: TypeScript would keep a narrowed field across peeks). */
  val(): string {
    return this.tv;
  }

  read(): number {
    const t = this.peek();
    this.pos = this.te;
    this.last = this.te;
    return t;
  }

  isPunct(v: string): boolean {
    return this.peek() === PUNCT && this.val() === v;
  }

  isKeyword(v: string): boolean {
    return this.peek() === IDENT && this.val() === v;
  }

  expectPunct(v: string): number {
    if (!this.isPunct(v)) this.bail(`expected '${v}'`, this.ts);
    const s = this.ts;
    this.read();
    return s;
  }

  ident(): string {
    if (this.peek() !== IDENT) this.bail('expected a name', this.ts);
    const v = this.val();
    this.read();
    return v;
  }

  /** Run `fn` with newlines significant (`on`) or skipped. */
  withNl<T>(on: boolean, fn: () => T): T {
    const saved = this.nl;
    this.nl = on;
    try {
      return fn();
    } finally {
      this.nl = saved;
    }
  }

  // ---- bodies ---------------------------------------------------------------------------------

  body(closing: boolean): Body {
    const out: Body = { attrs: new Map(), blocks: [] };
    for (;;) {
      const t = this.peek();
      if (t === EOF) {
        if (closing) this.bail('unclosed block', this.ts);
        return out;
      }
      if (closing && t === PUNCT && this.val() === '}') {
        this.read();
        return out;
      }
      if (t === NL) {
        this.read();
        continue;
      }
      if (t !== IDENT) this.bail('argument or block definition required', this.ts);
      const name = this.val();
      this.read();
      if (this.isPunct('=')) {
        this.read();
        const x = this.expr();
        const end = this.peek();
        if (end === NL) this.read();
        else if (end !== EOF) this.bail('missing newline after argument', this.ts);
        if (out.attrs.has(name)) this.bail(`argument ${name} redefined`, this.ts);
        out.attrs.set(name, x);
      } else out.blocks.push(this.block(name));
    }
  }

  private block(type: string): Block {
    const labels: string[] = [];
    for (;;) {
      const t = this.peek();
      if (t === PUNCT && this.val() === '{') {
        this.read();
        break;
      }
      if (t === OQUOTE) labels.push(this.label());
      else if (t === IDENT) {
        labels.push(this.val());
        this.read();
      } else this.bail('invalid block definition', this.ts);
    }
    let body: Body;
    const t = this.peek();
    if (t === NL || t === EOF || (t === PUNCT && this.val() === '}')) body = this.body(true);
    else {
      // one-line block: a single argument, closed on the same line
      const name = this.ident();
      this.expectPunct('=');
      const x = this.expr();
      this.expectPunct('}');
      body = { attrs: new Map([[name, x]]), blocks: [] };
    }
    const end = this.peek();
    if (end === NL) this.read();
    else if (end !== EOF) this.bail('missing newline after block definition', this.ts);
    return { type, labels, body };
  }

  /** A quoted block label: escapes only, no template sequences; not normalized (as in hclsyntax). */
  private label(): string {
    this.read(); // the opening quote
    const s = this.src;
    let out = '';
    let i = this.pos;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 34) break;
      if (Number.isNaN(c) || c === 10 || c === 13) this.bail('unterminated label', i);
      if (c === 92) {
        const [v, w] = this.escape(i);
        out += v;
        i += w;
      } else if ((c === 36 || c === 37) && s.charCodeAt(i + 1) === 123) this.bail('template sequence in a label', i);
      else if ((c === 36 || c === 37) && s.charCodeAt(i + 1) === c && s.charCodeAt(i + 2) === 123) {
        out += s[i] + '{';
        i += 3;
      } else {
        out += s[i];
        i++;
      }
    }
    this.pos = i + 1;
    this.last = this.pos;
    return out;
  }

  /** A backslash escape in a quoted string at `i`: its value and length. */
  private escape(i: number): [string, number] {
    const s = this.src;
    const n = s[i + 1];
    switch (n) {
      case 'n':
        return ['\n', 2];
      case 'r':
        return ['\r', 2];
      case 't':
        return ['\t', 2];
      case '"':
        return ['"', 2];
      case '\\':
        return ['\\', 2];
      case 'u':
      case 'U': {
        const len = n === 'u' ? 4 : 8;
        const hex = s.slice(i + 2, i + 2 + len);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) this.bail('invalid unicode escape', i);
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) this.bail('unencodable escape', i);
        return [String.fromCodePoint(cp), 2 + len];
      }
      default:
        return this.bail('invalid escape sequence', i);
    }
  }

  // ---- expressions ----------------------------------------------------------------------------

  expr(): Expr {
    if (++this.depth > MAX_DEPTH) this.bail('nested too deeply');
    try {
      this.peek();
      const s = this.ts;
      const c = this.binary();
      if (!this.isPunct('?')) return c;
      this.read();
      const a = this.expr();
      this.expectPunct(':');
      const b = this.expr();
      return { k: 'cond', c, a, b, s, e: b.e };
    } finally {
      this.depth--;
    }
  }

  /** Operands joined by binary operators: only the extent matters to the JSON form. */
  private binary(): Expr {
    const first = this.withTraversals();
    if (!(this.peek() === PUNCT && BINARY.has(this.val()))) return first;
    let e = first.e;
    while (this.peek() === PUNCT && BINARY.has(this.val())) {
      this.read();
      e = this.withTraversals().e;
    }
    return { k: 'other', s: first.s, e };
  }

  private withTraversals(): Expr {
    return this.traversals(this.term());
  }

  private traversals(from: Expr): Expr {
    let x = from;
    for (;;) {
      const t = this.peek();
      if (t !== PUNCT) return x;
      if (this.val() === '.') {
        this.read();
        const a = this.peek();
        if (a === IDENT) {
          this.read();
          x = { k: x.k === 'trav' ? 'trav' : 'other', s: x.s, e: this.last };
        } else if (a === NUMBER) {
          if (this.val().includes('.') || /[eE]/.test(this.val())) this.bail('legacy index chain', this.ts);
          this.read();
          x = { k: x.k === 'trav' ? 'trav' : 'other', s: x.s, e: this.last };
        } else if (a === PUNCT && this.val() === '*') {
          // attribute-only splat: `.*.name.0...`
          this.read();
          while (this.isPunct('.')) {
            this.read();
            const b = this.peek();
            if (b === NUMBER && !this.val().includes('.') && !/[eE]/.test(this.val())) this.read();
            else if (b === IDENT) this.read();
            else this.bail('invalid splat step', this.ts);
          }
          x = { k: 'other', s: x.s, e: this.last };
        } else this.bail('attribute name required after a dot', this.ts);
      } else if (this.val() === '[') {
        this.read();
        if (this.isPunct('*')) {
          this.read();
          this.expectPunct(']');
          const each = this.traversals({ k: 'other', s: x.s, e: this.last });
          x = { k: 'other', s: x.s, e: each.e };
        } else {
          const key = this.withNl(false, () => {
            const k = this.expr();
            this.expectPunct(']');
            return k;
          });
          const literal = key.k === 'num' || key.k === 'bool' || key.k === 'null' || (key.k === 'tmpl' && key.parts.length === 1 && key.parts[0]!.k === 'str');
          x = { k: literal && x.k === 'trav' ? 'trav' : 'other', s: x.s, e: this.last };
        }
      } else return x;
    }
  }

  private term(): Expr {
    const t = this.peek();
    const s = this.ts;
    if (t === NUMBER) {
      const text = this.val();
      this.read();
      // beyond ~150 digits Go's 512-bit float and a double can round differently
      if (text.length > 100) this.bail('number literal too long', s);
      return { k: 'num', v: Number(text), text, s, e: this.last };
    }
    if (t === IDENT) {
      const name = this.val();
      this.read();
      if (this.isPunct('(') || this.isPunct('::')) return this.call(s);
      if (name === 'true' || name === 'false') return { k: 'bool', v: name === 'true', s, e: this.last };
      if (name === 'null') return { k: 'null', s, e: this.last };
      return { k: 'trav', s, e: this.last };
    }
    if (t === OQUOTE) {
      this.read();
      return this.template(s, undefined);
    }
    if (t === OHEREDOC) {
      const head = this.val();
      this.read();
      return this.template(s, { marker: head.replace(/^<<-?/, ''), flush: head.startsWith('<<-') });
    }
    if (t === PUNCT) {
      const v = this.val();
      if (v === '(') {
        this.read();
        this.withNl(false, () => {
          this.expr();
          this.expectPunct(')');
        });
        return { k: 'other', s, e: this.last };
      }
      if (v === '-' || v === '!') {
        this.read();
        if (++this.depth > MAX_DEPTH) this.bail('nested too deeply');
        try {
          const x = this.withTraversals();
          return { k: 'unary', op: v, x, s, e: x.e };
        } finally {
          this.depth--;
        }
      }
      if (v === '[') return this.tuple(s);
      if (v === '{') return this.object(s);
    }
    return this.bail('expected the start of an expression', s);
  }

  private call(s: number): Expr {
    while (this.isPunct('::')) {
      this.read();
      this.ident();
    }
    this.expectPunct('(');
    this.withNl(false, () => {
      for (;;) {
        if (this.isPunct(')')) {
          this.read();
          return;
        }
        this.expr();
        if (this.isPunct(')')) {
          this.read();
          return;
        }
        if (this.isPunct('...')) {
          this.read();
          this.expectPunct(')');
          return;
        }
        this.expectPunct(',');
      }
    });
    return { k: 'other', s, e: this.last };
  }

  private tuple(s: number): Expr {
    this.read(); // [
    return this.withNl(false, () => {
      if (this.isKeyword('for')) return this.forExpr(s, false);
      const items: Expr[] = [];
      for (;;) {
        if (this.isPunct(']')) break;
        items.push(this.expr());
        if (this.isPunct(']')) break;
        this.expectPunct(',');
      }
      this.read();
      return { k: 'tuple', items, s, e: this.last } as Expr;
    });
  }

  private object(s: number): Expr {
    this.read(); // {
    if (this.withNl(false, () => this.isKeyword('for'))) return this.withNl(false, () => this.forExpr(s, true));
    return this.withNl(true, () => {
      const items: Array<{ key: Expr; val: Expr }> = [];
      for (;;) {
        const t = this.peek();
        if (t === NL) {
          this.read();
          continue;
        }
        if (t === PUNCT && this.val() === '}') break;
        const key = this.expr();
        if (!this.isPunct('=') && !this.isPunct(':')) this.bail('missing key/value separator', this.ts);
        this.read();
        const val = this.expr();
        items.push({ key, val });
        const n = this.peek();
        if (n === PUNCT && this.val() === '}') break;
        if (n === NL || (n === PUNCT && this.val() === ',')) this.read();
        else this.bail('missing attribute separator', this.ts);
      }
      this.read();
      return { k: 'object', items, s, e: this.last } as Expr;
    });
  }

  private forExpr(s: number, obj: boolean): Expr {
    this.read(); // for
    this.ident();
    if (this.isPunct(',')) {
      this.read();
      this.ident();
    }
    if (!this.isKeyword('in')) this.bail("expected 'in'", this.ts);
    this.read();
    this.expr();
    this.expectPunct(':');
    this.expr();
    let keyed = false;
    if (this.isPunct('=>')) {
      this.read();
      keyed = true;
      this.expr();
    }
    let group = false;
    if (this.isPunct('...')) {
      this.read();
      group = true;
    }
    if (this.isKeyword('if')) {
      this.read();
      this.expr();
    }
    this.expectPunct(obj ? '}' : ']');
    if (obj ? !keyed : keyed || group) this.bail('invalid for expression', s);
    return { k: 'other', s, e: this.last };
  }

  // ---- templates ------------------------------------------------------------------------------

  /**
   * A quoted template (after its opening quote) or a heredoc (after its `<<EOT` line). Mirrors
   * hclsyntax: literal tokens (one per heredoc line), strip markers applied to the neighbouring
   * literal token, the flush heredoc rule, then literals melded and directives matched.
   */
  private template(s: number, heredoc: { marker: string; flush: boolean } | undefined): Expr {
    const src = this.src;
    const toks: TTok[] = [];
    let ltrimNext = false;
    let canTrimPrev = false;
    let lineStart = true;
    let i = this.pos;
    let end: number;
    for (;;) {
      const ltrim = ltrimNext;
      ltrimNext = false;
      const trimPrev = canTrimPrev;
      canTrimPrev = false;
      const c = src.charCodeAt(i);
      if (!heredoc && c === 34) {
        end = i + 1;
        this.pos = end;
        break;
      }
      if (heredoc && lineStart) {
        const eol = src.indexOf('\n', i);
        if (eol < 0) this.bail('unterminated heredoc', i);
        if (trimSpaces(src, i, eol) === heredoc.marker) {
          // the marker line; the newline after it is a token of its own
          end = src.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
          this.pos = end;
          break;
        }
      }
      if ((c === 36 || c === 37) && src.charCodeAt(i + 1) === 123) {
        const strip = src.charCodeAt(i + 2) === 126;
        if (strip && trimPrev && toks.length) {
          const prev = toks[toks.length - 1]!;
          if (prev.k === 'lit') prev.v = trimRightSpace(prev.v);
        }
        const at = i;
        this.pos = i + (strip ? 3 : 2);
        this.tokAt = -1;
        const tok = this.withNl(false, () => (c === 36 ? ({ k: 'interp', x: this.expr() } as TTok) : this.directive(at)));
        // the closing `}` or `~}`, directly
        this.peekTrivia();
        if (src.charCodeAt(this.pos) === 126 && src.charCodeAt(this.pos + 1) === 125) {
          ltrimNext = true;
          i = this.pos + 2;
        } else if (src.charCodeAt(this.pos) === 125) i = this.pos + 1;
        else this.bail('expected the end of a template sequence', this.pos);
        if (tok.k === 'else' || tok.k === 'endif' || tok.k === 'endfor') tok.e = i;
        toks.push(tok);
        lineStart = false;
        continue;
      }
      // a literal token: up to the next sequence, the closing quote, or (heredoc) the end of the line
      let v = '';
      let j = i;
      let runStart = i;
      for (;;) {
        const d = src.charCodeAt(j);
        if (Number.isNaN(d)) this.bail('unterminated template', j);
        if (heredoc) {
          if (d === 10) {
            j++;
            break;
          }
          if (d === 13 && src.charCodeAt(j + 1) !== 10) this.bail('carriage return in a heredoc', j);
        } else {
          if (d === 34) break;
          if (d === 10 || d === 13) this.bail('newline in a quoted string', j);
          if (d === 92) {
            v += src.slice(runStart, j);
            const [x, w] = this.escape(j);
            v += x;
            j += w;
            runStart = j;
            continue;
          }
        }
        if (d === 36 || d === 37) {
          const d1 = src.charCodeAt(j + 1);
          if (d1 === 123) break;
          if (d1 === d && src.charCodeAt(j + 2) === 123) {
            v += src.slice(runStart, j) + src[j] + '{';
            j += 3;
            runStart = j;
            continue;
          }
        }
        j++;
      }
      v += src.slice(runStart, j);
      toks.push({ k: 'lit', v: ltrim ? trimLeftSpace(v) : v });
      canTrimPrev = true;
      lineStart = heredoc !== undefined && src.charCodeAt(j - 1) === 10;
      i = j;
    }
    this.last = end;
    this.tokAt = -1;
    if (!toks.length) toks.push({ k: 'lit', v: '' });
    if (heredoc?.flush) this.flush(toks);
    const melded = meld(toks);
    if (melded.length === 1 && melded[0]!.k === 'interp') return { k: 'wrap', x: melded[0]!.x, s, e: end };
    const parts = this.structure(melded);
    return { k: 'tmpl', parts, s, e: end };
  }

  /** Skip spaces, newlines and comments before a template sequence's closing brace. */
  private peekTrivia(): void {
    const saved = this.nl;
    this.nl = false;
    const t = this.peek();
    this.nl = saved;
    // peek() stops at the next token; `~` and `}` are tokens
    if (t === EOF) this.bail('unterminated template sequence', this.ts);
    this.pos = this.ts;
    this.tokAt = -1;
  }

  private directive(at: number): TTok {
    const kw = this.ident();
    if (kw === 'if') return { k: 'if', c: this.expr(), s: at };
    if (kw === 'else' || kw === 'endif' || kw === 'endfor') return { k: kw, s: at, e: at };
    if (kw === 'for') {
      let vv = this.ident();
      let kv = '';
      if (this.isPunct(',')) {
        this.read();
        kv = vv;
        vv = this.ident();
      }
      if (!this.isKeyword('in')) this.bail("expected 'in'", this.ts);
      this.read();
      return { k: 'for', kv, vv, coll: this.expr(), s: at };
    }
    return this.bail(`unknown template directive ${kw}`, at);
  }

  /** hclsyntax's flushHeredocTemplateParts: remove the smallest indentation of the lines. */
  private flush(toks: TTok[]): void {
    let min = Infinity;
    let newline = true;
    const adjust: Array<Extract<TTok, { k: 'lit' }>> = [];
    for (const t of toks) {
      if (newline) {
        newline = false;
        let spaces = 0;
        if (t.k === 'lit') {
          const trimmed = trimLeftSpace(t.v);
          if (trimmed.length === 0 && t.v.endsWith('\n')) spaces = Infinity;
          else {
            spaces = t.v.length - trimmed.length;
            // a combining mark after the indentation would join a space into one grapheme
            if (trimmed.charCodeAt(0) >= 0x80) this.bail('non-ASCII text after heredoc indentation');
            adjust.push(t);
          }
        }
        if (spaces < min) min = spaces;
      }
      if (t.k === 'lit' && t.v.endsWith('\n')) newline = true;
    }
    if (!Number.isFinite(min)) return;
    for (const t of adjust) t.v = t.v.slice(min);
  }

  /** Match `%{if}`/`%{for}` directives with their ends (hclsyntax's templateParser). */
  private structure(toks: TTok[]): Expr[] {
    let p = 0;
    const seq = (stop: (t: TTok) => boolean): Expr[] => {
      const out: Expr[] = [];
      for (;;) {
        const t = toks[p];
        if (!t) return out;
        if (stop(t)) return out;
        p++;
        if (t.k === 'lit') out.push({ k: 'str', v: nfc(t.v), s: 0, e: 0 });
        else if (t.k === 'interp') out.push(t.x);
        else if (t.k === 'if') {
          const a = seq((x) => x.k === 'else' || x.k === 'endif' || x.k === 'endfor');
          let b: Expr[] = [];
          let close = toks[p++];
          if (close?.k === 'else') {
            b = seq((x) => x.k === 'else' || x.k === 'endif' || x.k === 'endfor');
            close = toks[p++];
          }
          if (close?.k !== 'endif') this.bail('unbalanced template directives', t.s);
          out.push({ k: 'cond', c: t.c, a: branch(a), b: branch(b), s: t.s, e: close.e });
        } else if (t.k === 'for') {
          const body = seq((x) => x.k === 'else' || x.k === 'endif' || x.k === 'endfor');
          const close = toks[p++];
          if (close?.k !== 'endfor') this.bail('unbalanced template directives', t.s);
          out.push({ k: 'tfor', kv: t.kv, vv: t.vv, coll: t.coll, body: branch(body), s: t.s, e: close.e });
        } else this.bail('unbalanced template directives', t.s);
      }
    };
    const parts = seq(() => false);
    if (p < toks.length) this.bail('unbalanced template directives');
    return parts;
  }
}

function branch(parts: Expr[]): Expr {
  return { k: 'tmpl', parts: parts.length ? parts : [{ k: 'str', v: '', s: 0, e: 0 }], s: 0, e: 0 };
}

/** Whether `src[from, to)` is `marker` surrounded by whitespace only. */
function trimSpaces(src: string, from: number, to: number): string {
  let a = from;
  let b = to;
  while (a < b && isSpace(src.charCodeAt(a))) a++;
  while (b > a && isSpace(src.charCodeAt(b - 1))) b--;
  return src.slice(a, b);
}

/** Join consecutive literal tokens (after trimming, as hclsyntax's meldConsecutiveStringLiterals). */
function meld(toks: TTok[]): TTok[] {
  const out: TTok[] = [];
  for (const t of toks) {
    const prev = out[out.length - 1];
    if (t.k === 'lit' && prev?.k === 'lit') prev.v += t.v;
    else out.push(t);
  }
  return out;
}

/** cty strings are NFC-normalized. */
function nfc(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return s.normalize('NFC');
  return s;
}

/** Parse a configuration file. Throws `Unsupported` for anything the WASM parser must decide. */
export function parseNativeSyntax(src: string): Body {
  if (src.charCodeAt(0) === 0xfeff) throw new Unsupported('byte order mark', 0);
  const p = new Parser(src);
  try {
    return p.body(false);
  } catch (e) {
    if (e instanceof RangeError) throw new Unsupported('nested too deeply', p.pos);
    throw e;
  }
}
