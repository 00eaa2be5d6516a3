/**
 * Just enough of Step Functions' JSONPath payload evaluation to follow the fan-out state machine on
 * paper: `$.a.b` and `$$.Context.paths`, and the intrinsic functions States.Format and States.Array
 * (nested). Anything else is an error, so a definition using more than this is noticed.
 */
export interface AslContext {
  input: unknown;
  context: unknown;
}

export function readPath(path: string, ctx: AslContext): unknown {
  const m = /^(\$\$?)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)$/.exec(path);
  if (!m) throw new Error(`not a simple path: ${path}`);
  let at: unknown = m[1] === '$$' ? ctx.context : ctx.input;
  for (const key of m[2]!.split('.').filter(Boolean)) {
    if (at === null || typeof at !== 'object' || !(key in (at as object))) throw new Error(`path ${path}: no "${key}"`);
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** Evaluate a `.$` value: a path or an intrinsic function call. */
export function evaluate(expr: string, ctx: AslContext): unknown {
  const p = new Parser(expr, ctx);
  const v = p.value();
  p.end();
  return v;
}

class Parser {
  private i = 0;
  constructor(private readonly s: string, private readonly ctx: AslContext) {}

  end(): void {
    this.ws();
    if (this.i !== this.s.length) throw new Error(`unexpected "${this.s.slice(this.i)}" in ${this.s}`);
  }

  private ws(): void {
    while (this.s[this.i] === ' ') this.i++;
  }

  value(): unknown {
    this.ws();
    const rest = this.s.slice(this.i);
    if (rest.startsWith("'")) return this.literal();
    if (rest.startsWith('$')) {
      const m = /^\$\$?(?:\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(rest)!;
      this.i += m[0].length;
      return readPath(m[0], this.ctx);
    }
    const fn = /^States\.(Format|Array)\(/.exec(rest);
    if (!fn) throw new Error(`unsupported expression at "${rest}"`);
    this.i += fn[0].length;
    const args: unknown[] = [];
    this.ws();
    if (this.s[this.i] !== ')') {
      for (;;) {
        args.push(this.value());
        this.ws();
        if (this.s[this.i] === ',') {
          this.i++;
          continue;
        }
        break;
      }
    }
    if (this.s[this.i] !== ')') throw new Error(`expected ")" in ${this.s}`);
    this.i++;
    if (fn[1] === 'Array') return args;
    const [template, ...vals] = args;
    if (typeof template !== 'string') throw new Error('States.Format: the template must be a string literal');
    const parts = template.split('{}');
    if (parts.length - 1 !== vals.length) throw new Error(`States.Format: ${parts.length - 1} placeholders, ${vals.length} values in ${this.s}`);
    return parts.reduce((out, part, k) => out + part + (k < vals.length ? scalar(vals[k]) : ''), '');
  }

  private literal(): string {
    let out = '';
    this.i++;
    while (this.i < this.s.length && this.s[this.i] !== "'") {
      if (this.s[this.i] === '\\') this.i++;
      out += this.s[this.i++];
    }
    if (this.s[this.i] !== "'") throw new Error(`unterminated string in ${this.s}`);
    this.i++;
    return out;
  }
}

function scalar(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Error(`States.Format: a value that is not a scalar (${JSON.stringify(v)})`);
}

/** A payload (Parameters, ItemSelector) with every `.$` key evaluated. */
export function payload(p: unknown, ctx: AslContext): unknown {
  if (Array.isArray(p)) return p.map((x) => payload(x, ctx));
  if (p === null || typeof p !== 'object') return p;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) {
    if (k.endsWith('.$')) out[k.slice(0, -2)] = evaluate(v as string, ctx);
    else out[k] = payload(v, ctx);
  }
  return out;
}
