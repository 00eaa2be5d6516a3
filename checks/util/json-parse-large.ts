import { constants } from 'node:buffer';

/**
 * `JSON.parse` of UTF-8 bytes that may be longer than one string may be (V8: about 512 MiB; a results
 * document of a few hundred thousand findings is). Bytes that fit are decoded and parsed in one call.
 * Larger ones are split along the structure: the brackets, commas and colons of the big containers are
 * checked here, and every piece up to `sliceLimit` bytes (a finding, a key) goes through JSON.parse, so
 * every byte is checked by one or the other and the result equals JSON.parse's.
 */
export interface LargeJsonOptions {
  /** Documents up to this many bytes are parsed in one JSON.parse call (default: the longest string). */
  wholeLimit?: number;
  /** In a split document, values up to this many bytes are parsed in one JSON.parse call. */
  sliceLimit?: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const LBRACK = 0x5b;
const RBRACK = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;

function isSpace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** Bytes a number or a literal (true, false, null) can be made of; JSON.parse judges the rest. */
function isScalarByte(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || b === 0x2b || b === 0x2d || b === 0x2e);
}

export function parseJsonBytes(bytes: Uint8Array, opts: LargeJsonOptions = {}): unknown {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wholeLimit = opts.wholeLimit ?? constants.MAX_STRING_LENGTH;
  // UTF-8 never takes fewer bytes than UTF-16 code units, so this many bytes always fit in one string.
  if (buf.length <= wholeLimit) return JSON.parse(buf.toString('utf8'));
  const sliceLimit = Math.max(1, Math.min(opts.sliceLimit ?? 16 << 20, constants.MAX_STRING_LENGTH));

  const fail = (what: string, at: number): never => {
    throw new SyntaxError(`${what} in JSON at byte ${at}`);
  };
  const skipSpace = (p: number, end: number): number => {
    while (p < end && isSpace(buf[p])) p++;
    return p;
  };
  /** `p` is at a quote; returns the index after the closing quote. */
  const skipString = (p: number, end: number): number => {
    let from = p + 1;
    for (;;) {
      const q = buf.indexOf(QUOTE, from);
      if (q < 0 || q >= end) return fail('Unterminated string', p);
      let k = q - 1;
      while (buf[k] === BACKSLASH) k--;
      if ((q - 1 - k) % 2 === 0) return q + 1;
      from = q + 1;
    }
  };
  /** The end of the value that starts at `p` (brackets matched, strings skipped). */
  const skipValue = (p: number, end: number): number => {
    const c = buf[p];
    if (c === QUOTE) return skipString(p, end);
    if (c === LBRACE || c === LBRACK) {
      const open: number[] = [c];
      let q = p + 1;
      while (open.length) {
        if (q >= end) return fail('Unexpected end of data', q);
        const b = buf[q]!;
        if (b === QUOTE) {
          q = skipString(q, end);
          continue;
        }
        if (b === LBRACE || b === LBRACK) open.push(b);
        else if (b === RBRACE || b === RBRACK) {
          if (open.pop() !== (b === RBRACE ? LBRACE : LBRACK)) return fail(`Unexpected '${String.fromCharCode(b)}'`, q);
        }
        q++;
      }
      return q;
    }
    let q = p;
    while (q < end && isScalarByte(buf[q])) q++;
    return q === p ? fail(p < end ? `Unexpected byte 0x${buf[p]!.toString(16)}` : 'Unexpected end of data', p) : q;
  };
  const native = (start: number, end: number): unknown => {
    try {
      return JSON.parse(buf.toString('utf8', start, end));
    } catch (e) {
      throw new SyntaxError(`${(e as Error).message} (in the value at bytes ${start}-${end})`);
    }
  };

  /** The one value in [start, end), whitespace around it allowed. */
  const parseRange = (start: number, end: number): unknown => {
    if (end - start <= sliceLimit) return native(start, end);
    let p = skipSpace(start, end);
    const c = buf[p];
    let value: unknown;
    if (c === LBRACK) {
      const arr: unknown[] = [];
      p = skipSpace(p + 1, end);
      if (buf[p] === RBRACK) p++;
      else {
        for (;;) {
          const e = skipValue(p, end);
          arr.push(parseRange(p, e));
          p = skipSpace(e, end);
          if (buf[p] === COMMA) p = skipSpace(p + 1, end);
          else if (buf[p] === RBRACK) {
            p++;
            break;
          } else fail('Expected \',\' or \']\'', p);
        }
      }
      value = arr;
    } else if (c === LBRACE) {
      const obj: Record<string, unknown> = {};
      p = skipSpace(p + 1, end);
      if (buf[p] === RBRACE) p++;
      else {
        for (;;) {
          if (buf[p] !== QUOTE) fail('Expected a property name', p);
          const ke = skipString(p, end);
          const key = native(p, ke) as string;
          p = skipSpace(ke, end);
          if (buf[p] !== COLON) fail('Expected \':\'', p);
          p = skipSpace(p + 1, end);
          const e = skipValue(p, end);
          // defineProperty, as JSON.parse does: a "__proto__" key is a plain property, not the prototype.
          Object.defineProperty(obj, key, { value: parseRange(p, e), writable: true, enumerable: true, configurable: true });
          p = skipSpace(e, end);
          if (buf[p] === COMMA) p = skipSpace(p + 1, end);
          else if (buf[p] === RBRACE) {
            p++;
            break;
          } else fail('Expected \',\' or \'}\'', p);
        }
      }
      value = obj;
    } else {
      // A single string or number this long: JSON.parse says whether it fits.
      return native(start, end);
    }
    if (skipSpace(p, end) !== end) fail('Unexpected data after the value', p);
    return value;
  };

  try {
    return parseRange(0, buf.length);
  } catch (e) {
    if (e instanceof RangeError) throw new SyntaxError(`cannot be read in pieces (${e.message})`);
    throw e;
  }
}
