// The streaming JSON writer (checks/util/json-chunks.ts) and the piecewise reader
// (checks/util/json-parse-large.ts): a document longer than one string is written and read back in
// pieces. Real sizes (over 512 MiB) are too slow for a test, so the limits are made tiny here: with
// them every container is split, and the pieces must still be exactly what JSON.stringify writes and
// read back to exactly what JSON.parse reads.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonChunks, LazyJsonArray } from '../../checks/util/json-chunks.js';
import { parseJsonBytes } from '../../checks/util/json-parse-large.js';
import { maxOf, minOf, pushAll } from '../../checks/util/push-all.js';

class Money {
  constructor(readonly cents: number) {}
  toJSON(key: string): unknown {
    return { key, amount: this.cents / 100 };
  }
}

function values(): Array<[string, unknown]> {
  const sparse: unknown[] = [1];
  sparse[4] = 5;
  return [
    ['scalars', [0, -0, 1.5e300, -7, NaN, Infinity, -Infinity, true, false, null, '', 'text']],
    ['strings that need escaping', ['quote " backslash \\ newline \n tab \t', '\u0000\u001f\u007f', 'é ü 漢字 🎓', '\ud800 lone \udc00 surrogates', '</script>']],
    ['empty containers', { a: [], b: {}, c: [[]], d: [{}], e: { f: {} } }],
    ['omitted members', { a: undefined, b: () => 1, c: Symbol('s'), d: 1, e: [undefined, () => 1, Symbol('t')] }],
    ['only omitted members', { a: undefined, b: () => 2 }],
    ['toJSON with the key', { price: new Money(1250), list: [new Money(1), new Money(2)], when: new Date('2026-11-22T10:00:00Z') }],
    ['toJSON at the top', new Money(99)],
    ['boxed primitives', [Object(1), Object('s'), Object(false)]],
    ['maps and sets serialise as {}', { m: new Map([[1, 2]]), s: new Set([1]) }],
    ['sparse array', sparse],
    ['__proto__ and odd keys', JSON.parse('{"__proto__": {"x": 1}, "": 0, "a\\"b": 2, "10": 3, "2": 4}')],
    ['deep nesting', { a: { b: { c: { d: [1, [2, [3, { e: 'f' }]]] } } } }],
    [
      'a results-like document',
      {
        schemaVersion: '1',
        findings: Array.from({ length: 40 }, (_, i) => ({ id: `f${i}`, status: i % 3 ? 'pass' : 'fail', evidence: { [`k${i}`]: [i, { n: i }] }, resource: { address: `aws_s3_bucket.b${i}`, line: null } })),
        summary: { pass: 26, fail: 14 },
      },
    ],
    ['a top-level string', 'just a string'],
    ['a top-level number', 42],
  ];
}

const join = (pieces: Iterable<string>): string => [...pieces].join('');

describe('jsonChunks writes exactly what JSON.stringify writes', () => {
  afterEach(() => vi.restoreAllMocks());

  for (const [name, value] of values()) {
    it(`${name}: every indent, split threshold and chunk size`, () => {
      for (const indent of [0, 2, 4]) {
        const expected = JSON.stringify(value, null, indent);
        for (const splitAt of [0, 1, 3, 256]) {
          for (const chunkSize of [1, 7, 1 << 20]) {
            expect(join(jsonChunks(value, { indent, splitAt, chunkSize })), `indent ${indent}, splitAt ${splitAt}, chunkSize ${chunkSize}`).toBe(expected);
          }
        }
      }
    });
  }

  it('really writes in pieces when the chunk size is small', () => {
    const doc = values().find(([n]) => n === 'a results-like document')![1];
    const pieces = [...jsonChunks(doc, { indent: 2, splitAt: 0, chunkSize: 64 })];
    expect(pieces.length).toBeGreaterThan(20);
    expect(pieces.join('')).toBe(JSON.stringify(doc, null, 2));
  });

  it('writes nothing for a value JSON.stringify gives undefined for', () => {
    expect([...jsonChunks(undefined)]).toEqual([]);
    expect([...jsonChunks(() => 1)]).toEqual([]);
  });

  it('a LazyJsonArray is written as its mapped entries, made one at a time', () => {
    const made: number[] = [];
    const lazy = new LazyJsonArray([1, 2, 3], (n, i) => {
      made.push(i);
      return { n, twice: n * 2 };
    });
    const doc = { head: 'h', items: lazy, tail: [] };
    const expected = JSON.stringify({ head: 'h', items: [1, 2, 3].map((n) => ({ n, twice: n * 2 })), tail: [] }, null, 2);
    const it = jsonChunks(doc, { indent: 2, chunkSize: 1 });
    const first = it.next();
    expect(first.done).toBe(false);
    expect(made.length).toBeLessThan(3); // not all made before the first piece is out
    expect(first.value + join({ [Symbol.iterator]: () => it })).toBe(expected);
    // JSON.stringify of the same document (toJSON) gives the same text.
    expect(JSON.stringify(doc, null, 2)).toBe(expected);
  });

  it('falls back to entry-by-entry writing when a native call hits the string length limit', () => {
    const doc = values().find(([n]) => n === 'a results-like document')![1];
    const expected = JSON.stringify(doc, null, 2);
    const native = JSON.stringify;
    let refused = 0;
    // Pretend every value holding a container of more than two entries (at any depth) is too long for one string.
    const big = (v: unknown): boolean => Boolean(v && typeof v === 'object' && ((Array.isArray(v) ? v.length : Object.keys(v).length) > 2 || Object.values(v).some(big)));
    vi.spyOn(JSON, 'stringify').mockImplementation(((v: unknown, r?: never, s?: string | number) => {
      if (big(v)) {
        refused++;
        throw new RangeError('Invalid string length');
      }
      return native(v, r, s);
    }) as typeof JSON.stringify);
    const out = join(jsonChunks(doc, { indent: 2, splitAt: 1 << 30 }));
    vi.restoreAllMocks();
    expect(refused).toBeGreaterThan(40);
    expect(out).toBe(expected);
  });

  it('other errors are not swallowed: a cycle throws as JSON.stringify does', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(() => JSON.stringify(a)).toThrow(TypeError);
    expect(() => join(jsonChunks(a, { splitAt: 0 }))).toThrow(TypeError);
    expect(() => join(jsonChunks({ big: 10n }))).toThrow(TypeError);
  });
});

/** A small seeded generator (mulberry32), so a failing case can be rerun. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function outcome(fn: () => unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    return { ok: false, error: (e as Error).name };
  }
}

describe('parseJsonBytes reads in pieces exactly what JSON.parse reads', () => {
  const forced = [
    { wholeLimit: 0, sliceLimit: 1 },
    { wholeLimit: 0, sliceLimit: 8 },
    { wholeLimit: 0, sliceLimit: 64 },
  ];

  it('valid documents, split at every level', () => {
    for (const [name, value] of values()) {
      for (const indent of [0, 2]) {
        const text = JSON.stringify(value, null, indent);
        if (text === undefined) continue;
        const expected = JSON.parse(text);
        for (const opts of forced) expect(parseJsonBytes(Buffer.from(`\n ${text}\t\r\n`, 'utf8'), opts), `${name} ${JSON.stringify(opts)}`).toEqual(expected);
      }
    }
  });

  it('a "__proto__" key stays a plain property, as in JSON.parse', () => {
    const doc = parseJsonBytes(Buffer.from('{"__proto__": {"polluted": true}, "a": [1, 2, 3]}'), { wholeLimit: 0, sliceLimit: 1 }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    expect(Object.keys(doc)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('malformed documents fail with a SyntaxError, never a different value', () => {
    const bad = ['', ' ', '[1,]', '[1 2]', '{"a" 1}', '{"a":1,}', '{a:1}', '[1]x', '[[1]', '[1]]', '{"a":[1}', '"abc', '[tru]', '[1,,2]', '{"a":1 "b":2}', '[01]', '["\u0001"]', '["\\x"]', '{"a\\":1}', '[1}', '{"a":1]', '\ufeff[1]', '[-]', '{"a":}', '{,}', '[,1]'];
    for (const text of bad) {
      expect(() => JSON.parse(text), text).toThrow(SyntaxError);
      for (const opts of forced) expect(() => parseJsonBytes(Buffer.from(text, 'utf8'), opts), `${JSON.stringify(text)} ${JSON.stringify(opts)}`).toThrow(SyntaxError);
    }
  });

  it('agrees with JSON.parse on 600 seeded mutations of a results document', () => {
    const doc = values().find(([n]) => n === 'a results-like document')![1];
    const text = JSON.stringify(doc, null, 2);
    const random = rng(12);
    const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '1', 'a', 'e', '-', '.', 'n'];
    let disagreements = 0;
    let valid = 0;
    for (let i = 0; i < 600; i++) {
      let t = text;
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const at = Math.floor(random() * t.length);
        const op = random();
        if (op < 0.4) t = t.slice(0, at) + t.slice(at + 1);
        else if (op < 0.8) t = t.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)] + t.slice(at);
        else t = t.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)] + t.slice(at + 1);
      }
      const expected = outcome(() => JSON.parse(t));
      if (expected.ok) valid++;
      const got = outcome(() => parseJsonBytes(Buffer.from(t, 'utf8'), { wholeLimit: 0, sliceLimit: 1 + (i % 40) }));
      if (expected.ok !== got.ok || (expected.ok && got.ok && JSON.stringify(expected.value) !== JSON.stringify(got.value))) disagreements++;
      else if (!expected.ok && !got.ok) expect(got.error).toBe('SyntaxError');
    }
    expect(disagreements).toBe(0);
    expect(valid).toBeGreaterThan(20); // the mutations include documents that are still valid
  });

  it('documents that fit are parsed in one call', () => {
    expect(parseJsonBytes(Buffer.from('{"a":[1,2]}'))).toEqual({ a: [1, 2] });
    expect(parseJsonBytes(new Uint8Array(Buffer.from('[true]')))).toEqual([true]);
  });
});

describe('push and max without argument spreads', () => {
  it('take more items than a spread can pass as arguments', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => i);
    expect(() => Math.max(...many)).toThrow(RangeError); // what the renderers used to do
    expect(maxOf(many)).toBe(299_999);
    expect(minOf(many)).toBe(0);
    expect(pushAll([-1], many).length).toBe(300_001);
  });

  it('match Math.max and Math.min on the odd cases', () => {
    for (const xs of [[], [NaN, 1], [1, NaN], [-0, 0], [0, -0], [-0], [3, -Infinity], [Infinity, 2]]) {
      expect(Object.is(maxOf(xs), Math.max(...xs)), `max ${xs}`).toBe(true);
      expect(Object.is(minOf(xs), Math.min(...xs)), `min ${xs}`).toBe(true);
    }
  });
});
