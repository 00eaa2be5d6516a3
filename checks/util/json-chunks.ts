/**
 * `JSON.stringify(value, null, indent)` as a sequence of pieces, for documents longer than one string
 * may be (V8: about 512 MiB, then `Invalid string length`). Joined, the pieces are exactly what
 * JSON.stringify returns. A container with more than `splitAt` entries is written entry by entry; a
 * smaller one in one native JSON.stringify call (fast), and entry by entry when that call still hits
 * the length limit.
 */

/** Set while jsonChunks runs a native JSON.stringify: a lazy array met there makes its container split instead. */
let inNativeCall = false;

class LazyArrayInside extends Error {}

/** An array whose entries are made one at a time while they are written (`items[i]` -> `map(items[i], i)`). */
export class LazyJsonArray<T> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T, index: number) => unknown,
  ) {}

  get length(): number {
    return this.items.length;
  }

  /** What JSON.stringify sees: the mapped array. */
  toJSON(): unknown[] {
    if (inNativeCall) throw new LazyArrayInside();
    return this.items.map(this.map);
  }
}

export interface JsonChunkOptions {
  /** Spaces per level (JSON.stringify's `space` as a number; 0 = compact). */
  indent?: number;
  /** Pieces are about this many characters (one native piece may be longer). */
  chunkSize?: number;
  /** Containers with more entries than this are written entry by entry. */
  splitAt?: number;
}

const DEFAULTS = { indent: 0, chunkSize: 1 << 20, splitAt: 256 };

function isLengthError(e: unknown): boolean {
  return e instanceof RangeError && /Invalid string length/i.test(e.message);
}

function isBoxedPrimitive(v: object): boolean {
  return v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof BigInt;
}

/** The value JSON.stringify serialises for `holder[key]`: toJSON applied once. */
function prepare(value: unknown, key: string): unknown {
  if (value instanceof LazyJsonArray) return value;
  if ((typeof value === 'object' && value !== null) || typeof value === 'bigint') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return toJSON.call(value, key);
  }
  return value;
}

/** Values an object member is left out for (and an array entry becomes `null` for). */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

export function* jsonChunks(value: unknown, opts: JsonChunkOptions = {}): Generator<string, void, undefined> {
  const indent = Math.min(10, Math.max(0, Math.floor(opts.indent ?? DEFAULTS.indent)));
  const gap = ' '.repeat(indent);
  const chunkSize = Math.max(1, opts.chunkSize ?? DEFAULTS.chunkSize);
  const splitAt = Math.max(0, opts.splitAt ?? DEFAULTS.splitAt);
  // Entries of a split array go to native JSON.stringify this many at a time.
  const batchSize = Math.max(1, splitAt);
  const colon = gap ? ': ' : ':';
  const pads: string[] = [];
  const pad = (depth: number): string => (pads[depth] ??= gap ? `\n${gap.repeat(depth)}` : '');
  const state = { buf: '' };
  const open = new Set<object>();

  /** One prepared value at `depth`; the caller has already made sure it is not omitted. */
  function* write(v: unknown, depth: number): Generator<string, void, undefined> {
    if (v === null || typeof v !== 'object' || isBoxedPrimitive(v)) {
      state.buf += JSON.stringify(v);
    } else {
      const lazy = v instanceof LazyJsonArray ? v : undefined;
      const isArray = lazy !== undefined || Array.isArray(v);
      const keys = isArray ? undefined : Object.keys(v);
      const count = lazy ? lazy.length : isArray ? (v as unknown[]).length : keys!.length;
      // A toJSON result that has a toJSON of its own would be converted again by a native call.
      const nativeOk = !lazy && count <= splitAt && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
      let whole: string | undefined;
      if (nativeOk) {
        try {
          inNativeCall = true;
          whole = JSON.stringify(v, null, gap);
          // Strings in JSON text hold no raw newline, so every newline is a line break to indent.
          if (depth && gap) whole = whole.replaceAll('\n', pad(depth));
        } catch (e) {
          if (!isLengthError(e) && !(e instanceof LazyArrayInside)) throw e;
          whole = undefined;
        } finally {
          inNativeCall = false;
        }
      }
      if (whole !== undefined) {
        if (state.buf && state.buf.length + whole.length > chunkSize) {
          yield state.buf;
          state.buf = '';
        }
        state.buf += whole;
      } else {
        if (open.has(v)) throw new TypeError('Converting circular structure to JSON');
        open.add(v);
        if (isArray) yield* writeArray(v, lazy, count, depth);
        else yield* writeObject(v as Record<string, unknown>, keys!, depth);
        open.delete(v);
      }
    }
    if (state.buf.length >= chunkSize) {
      yield state.buf;
      state.buf = '';
    }
  }

  function* writeArray(v: object, lazy: LazyJsonArray<unknown> | undefined, count: number, depth: number): Generator<string, void, undefined> {
    if (count === 0) {
      state.buf += '[]';
      return;
    }
    const inner = pad(depth + 1);
    for (let start = 0; start < count; start += batchSize) {
      const end = Math.min(count, start + batchSize);
      const items: unknown[] = [];
      for (let i = start; i < end; i++) items.push(prepare(lazy ? lazy.map(lazy.items[i], i) : (v as unknown[])[i], String(i)));
      const whole = nativeBatch(items, depth);
      if (whole !== undefined) {
        state.buf += `${start === 0 ? '[' : ','}${inner}${whole}`;
        if (state.buf.length >= chunkSize) {
          yield state.buf;
          state.buf = '';
        }
        continue;
      }
      for (let i = start; i < end; i++) {
        state.buf += i === 0 ? `[${inner}` : `,${inner}`;
        const item = items[i - start];
        if (omitted(item)) state.buf += 'null';
        else yield* write(item, depth + 1);
      }
    }
    state.buf += `${pad(depth)}]`;
  }

  /**
   * Entries of an array at `depth` (already prepared) in one native JSON.stringify call, separators
   * and indentation included: the batch is nested `depth` arrays deep, so the native call indents it
   * as it stands in the document, and the nesting is cut off again (no re-indenting pass, half the
   * cost of one call per entry). Undefined when an entry needs the entry-by-entry path (a lazy array,
   * a toJSON result with a toJSON of its own, or a batch longer than one string).
   */
  function nativeBatch(items: unknown[], depth: number): string | undefined {
    for (const item of items) {
      if (item instanceof LazyJsonArray) return undefined;
      if (item !== null && typeof item === 'object' && typeof (item as { toJSON?: unknown }).toJSON === 'function') return undefined;
    }
    let nested: unknown = items;
    for (let d = 0; d < depth; d++) nested = [nested];
    let text: string;
    try {
      inNativeCall = true;
      text = JSON.stringify(nested, null, gap);
    } catch (e) {
      if (!isLengthError(e) && !(e instanceof LazyArrayInside)) throw e;
      return undefined;
    } finally {
      inNativeCall = false;
    }
    // `[` pad(1) `[` pad(2) ... `[` pad(depth + 1), the entries, then pad(depth) `]` ... pad(0) `]`.
    let head = 0;
    let tail = 0;
    for (let d = 0; d <= depth; d++) {
      head += 1 + pad(d + 1).length;
      tail += pad(d).length + 1;
    }
    return text.slice(head, text.length - tail);
  }

  function* writeObject(v: Record<string, unknown>, keys: string[], depth: number): Generator<string, void, undefined> {
    const inner = pad(depth + 1);
    let written = 0;
    for (const k of keys) {
      const item = prepare(v[k], k);
      if (omitted(item)) continue;
      state.buf += `${written === 0 ? '{' : ','}${inner}${JSON.stringify(k)}${colon}`;
      written++;
      yield* write(item, depth + 1);
    }
    state.buf += written === 0 ? '{}' : `${pad(depth)}}`;
  }

  const top = prepare(value, '');
  if (omitted(top)) return;
  yield* write(top, 0);
  if (state.buf) yield state.buf;
}
