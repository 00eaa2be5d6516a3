import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ParseCache } from '../../checks/sources/hcl/parse-cache.js';
import { ParsePool, parserCounts } from '../../checks/sources/hcl/parse.js';
import { cli } from './run.js';

/**
 * `scan --cache [dir]`: parsed .tf files kept by content hash. A hit skips the parse and gives the same
 * results; a changed file is parsed again; a corrupt entry is a miss (parsed again, rewritten), never
 * wrong results; a cache directory that cannot be written is one warning line and a scan without it.
 */
const work = mkdtempSync(join(tmpdir(), 'fr-scan-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PLAIN = 'resource "aws_db_instance" "main" {\n  engine            = "postgres"\n  storage_encrypted = false\n  tags              = { DataClassification = "student-data" }\n}\n';
const ENCRYPTED = PLAIN.replace('storage_encrypted = false', 'storage_encrypted = true\n  kms_key_id        = "arn:aws:kms:us-east-1:111122223333:key/abc"');
const MODULE = 'resource "aws_s3_bucket" "records" {\n  bucket = "records"\n  tags   = { DataClassification = "student-data" }\n}\n';

const stack = join(work, 'stack');
mkdirSync(join(stack, 'modules/store'), { recursive: true });
writeFileSync(join(stack, 'main.tf'), `${PLAIN}module "store" {\n  source = "./modules/store"\n}\n`);
writeFileSync(join(stack, 'modules/store/main.tf'), MODULE);

function entries(cache: string): Map<string, number> {
  const out = new Map<string, number>();
  const root = join(cache, 'hcl');
  for (const shard of readdirSync(root)) {
    if (shard.startsWith('.')) continue;
    for (const f of readdirSync(join(root, shard))) out.set(join(root, shard, f), statSync(join(root, shard, f)).mtimeMs);
  }
  return out;
}

interface Verdicts {
  code: number;
  stderr: string;
  /** `address policy status file:line` per finding, sorted. */
  findings: string[];
}

function scan(out: string, extra: string[]): Verdicts {
  const r = cli(['scan', stack, '--format', `json=${out}`, '--fail-on', 'none', ...extra]);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  const results = JSON.parse(readFileSync(out, 'utf8')) as { findings: Array<{ resource: { address: string; file?: string; line?: number }; policy: string; status: string }> };
  const findings = results.findings.map((f) => `${f.resource.address} ${f.policy} ${f.status} ${f.resource.file}:${f.resource.line}`).sort();
  return { code: r.code, stderr: r.stderr, findings };
}

describe('scan --cache', () => {
  const cache = join(work, 'cache');
  const plain = scan(join(work, 'plain.json'), []);

  it('writes one entry per distinct file, then reads them back unchanged on the next run', () => {
    expect(plain.findings.some((f) => f.startsWith('aws_db_instance.main ') && f.includes(' fail '))).toBe(true);
    expect(plain.findings.some((f) => f.startsWith('module.store.aws_s3_bucket.records '))).toBe(true);
    const first = scan(join(work, 'first.json'), [`--cache=${cache}`]);
    expect(first.findings).toEqual(plain.findings);
    expect(first.code).toBe(plain.code);
    const written = entries(cache);
    expect(written.size).toBe(2);
    const second = scan(join(work, 'second.json'), [`--cache=${cache}`]);
    expect(second.findings).toEqual(plain.findings);
    // a hit writes nothing: the same entries, untouched
    expect(entries(cache)).toEqual(written);
  });

  it('parses a changed file again (its new content decides) and keeps the unchanged one', () => {
    const before = entries(cache);
    writeFileSync(join(stack, 'main.tf'), `${ENCRYPTED}module "store" {\n  source = "./modules/store"\n}\n`);
    try {
      const changed = scan(join(work, 'changed.json'), [`--cache=${cache}`]);
      const fresh = scan(join(work, 'changed-plain.json'), []);
      expect(changed.findings).toEqual(fresh.findings);
      expect(changed.findings).not.toEqual(plain.findings);
      const after = entries(cache);
      expect(after.size).toBe(before.size + 1);
      for (const [f, mtime] of before) expect(after.get(f)).toBe(mtime);
    } finally {
      writeFileSync(join(stack, 'main.tf'), `${PLAIN}module "store" {\n  source = "./modules/store"\n}\n`);
    }
  });

  it('ignores corrupt entries (truncated, garbage, a valid header over another body) and rewrites them', () => {
    const files = [...entries(cache).keys()];
    expect(files.length).toBeGreaterThanOrEqual(2);
    const originals = files.map((f) => readFileSync(f, 'utf8'));
    const other = originals.find((t) => !t.includes('aws_db_instance'))!;
    files.forEach((f, i) => {
      const t = originals[i]!;
      // one kind of damage per entry, in turn
      const damaged = [t.slice(0, Math.floor(t.length / 2)), '\u0000garbage{', `${t.split('\n')[0]}\n${other.split('\n')[1]}`][i % 3]!;
      writeFileSync(f, damaged);
    });
    const r = scan(join(work, 'corrupt.json'), [`--cache=${cache}`]);
    expect(r.code).toBe(plain.code);
    expect(r.findings).toEqual(plain.findings);
    expect(r.stderr).toBe('');
    // the two entries of the current texts are whole again; the third (an earlier text) stays as damaged
    const now = files.map((f) => readFileSync(f, 'utf8'));
    expect(files.filter((_, i) => now[i] === originals[i])).toHaveLength(2);
  });

  it('with a directory that cannot be written: one warning line, and the same results as without a cache', () => {
    const blocker = join(work, 'not-a-dir');
    writeFileSync(blocker, 'a file where the cache directory would go');
    const r = scan(join(work, 'unwritable.json'), [`--cache=${join(blocker, 'cache')}`]);
    expect(r.code).toBe(plain.code);
    expect(r.findings).toEqual(plain.findings);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^warning: --cache .*not-a-dir\/cache: cannot be written \(ENOTDIR\); scanning without the cache\n$/);
  });
});

describe('the parse cache in one process', () => {
  it('answers a second pool from disk without parsing, and counts what it rejected', async () => {
    const dir = join(work, 'unit');
    const text = 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n';
    const a = new ParseCache(dir);
    const first = await new ParsePool(0, undefined, a).parseOnce('k.tf', text);
    await a.flush();
    expect([a.misses, a.written]).toEqual([1, 1]);

    const b = new ParseCache(dir);
    const parsedBefore = parserCounts.native + parserCounts.wasm;
    const again = await new ParsePool(0, undefined, b).parseOnce('k.tf', text);
    expect(parserCounts.native + parserCounts.wasm).toBe(parsedBefore);
    expect(b.hits).toBe(1);
    expect(again).toEqual(first);
    expect(again.blocks[0]).toMatchObject({ kind: 'resource', labels: ['aws_kms_key', 'k'], line: 1 });

    const key = b.key(text);
    writeFileSync(join(dir, 'hcl', key.slice(0, 2), `${key}.json`), '{"v":1}\n{}');
    const c = new ParseCache(dir);
    const third = await new ParsePool(0, undefined, c).parseOnce('k.tf', text);
    expect([c.hits, c.rejected]).toEqual([0, 1]);
    expect(third).toEqual(first);
    expect(parserCounts.native + parserCounts.wasm).toBe(parsedBefore + 1);
  });
});
