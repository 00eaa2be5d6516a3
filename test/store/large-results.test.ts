// The run store writes results in pieces (checks/store/store.ts resultsBytes): the bytes, and so every
// hash in the chain, must stay exactly `JSON.stringify(results, null, 2)` and a newline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLocalStore } from '../../checks/store/local.js';
import { resultsBytes, sha256Hex } from '../../checks/store/store.js';
import { finding, results, tempDir } from './helpers.js';

function many(n: number) {
  return results(
    Array.from({ length: n }, (_, i) =>
      finding(`aws-policy-${i % 7}`, `module.m${i % 13}.aws_s3_bucket.b${i}`, i % 4 ? 'pass' : 'fail', {
        evidence: { versioning: i % 2 === 0, tags: { DataClassification: 'student-data' }, note: undefined },
        waiver: undefined,
      }),
    ),
  );
}

describe('results bytes for a large run', () => {
  it('are JSON.stringify(results, null, 2) and a newline, byte for byte', () => {
    const doc = many(5_000);
    expect(Buffer.compare(Buffer.from(resultsBytes(doc)), Buffer.from(`${JSON.stringify(doc, null, 2)}\n`, 'utf8'))).toBe(0);
  });

  it('are stored, hashed and read back unchanged', async () => {
    const dir = tempDir('large');
    const store = openLocalStore(dir);
    const doc = many(5_000);
    const run = await store.append(doc);
    const file = readFileSync(join(dir, run.id, 'results.json'));
    expect(file.toString('utf8')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(run.resultsSha256).toBe(sha256Hex(file));
    expect(await store.readResults(run.id)).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
