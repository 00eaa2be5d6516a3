// checks/cli/output.ts: reports are written in pieces (a document may be longer than one string), still
// atomically: a renderer that fails half-way leaves neither a partial file nor a temp file behind.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeOutput, writeStdout } from '../../checks/cli/output.js';

const dir = () => mkdtempSync(join(tmpdir(), 'ferpa-ready-output-'));

describe('writeOutput with pieces', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes the pieces in order, multi-byte characters intact', () => {
    const d = dir();
    const file = join(d, 'sub', 'out.json');
    writeOutput(file, (function* () {
      yield '{"a": "é';
      yield '漢字🎓",';
      for (let i = 0; i < 1000; i++) yield ` "k${i}": ${i},`;
      yield ' "z": 0}\n';
    })());
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text).a).toBe('é漢字🎓');
    expect(JSON.parse(text).k999).toBe(999);
    expect(readdirSync(join(d, 'sub'))).toEqual(['out.json']);
  });

  it('pieces around and above the reused write buffer (4 MiB) come out byte for byte', () => {
    const d = dir();
    const file = join(d, 'big.txt');
    // 3-byte and 4-byte characters in pieces that fill the buffer, overflow it and exceed it alone
    const pieces = ['a'.repeat(1000), '漢'.repeat(700_000), '🎓'.repeat(400_000), 'é'.repeat(2_000_000), '', 'z'.repeat(5_000_000), '漢字'];
    writeOutput(file, pieces.values());
    expect(readFileSync(file).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
  });

  it('a renderer that throws half-way: its own error, no file, no temp file, an earlier file untouched', () => {
    const d = dir();
    const file = join(d, 'out.txt');
    writeFileSync(file, 'earlier report\n');
    const failing = (function* () {
      yield 'first half\n';
      throw new Error('renderer broke');
    })();
    expect(() => writeOutput(file, failing)).toThrow('renderer broke');
    expect(readFileSync(file, 'utf8')).toBe('earlier report\n');
    expect(readdirSync(d)).toEqual(['out.txt']);
  });

  it('an unwritable target is a one-line input error', () => {
    const d = dir();
    writeFileSync(join(d, 'file'), 'x');
    expect(() => writeOutput(join(d, 'file', 'out.txt'), ['x'])).toThrow(/out\.txt: cannot write output \((EEXIST|ENOTDIR)\)$/);
    expect(existsSync(join(d, 'file', 'out.txt'))).toBe(false);
  });
});

describe('writeStdout', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes every piece and ends with exactly one newline', () => {
    const seen: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation(((s: string) => {
      seen.push(s);
      return true;
    }) as typeof process.stdout.write);
    writeStdout(['a', '', 'b']);
    writeStdout(['c\n']);
    vi.restoreAllMocks();
    expect(seen.join('')).toBe('ab\nc\n');
  });
});
