import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readHcl } from '../../checks/sources/hcl/index.js';
import { describeWithShared, sharedDir } from '../helpers/shared.js';

/** Public corpora live beside the checkout (`../shared/corpora`); never copied into the repo. */
const CORPORA = sharedDir('corpora');

function walk(dir: string, pred: (p: string) => boolean, out: string[] = []): string[] {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, pred, out);
    else if (pred(p)) out.push(p);
  }
  return out;
}

/** Read each file as its own root module; collect failures instead of stopping at the first. */
async function readEach(files: string[]): Promise<{ failures: string[]; records: number; aws: number }> {
  const failures: string[] = [];
  let records = 0;
  let aws = 0;
  for (const f of files) {
    try {
      const r = await readHcl([f], { root: CORPORA });
      records += r.records.length;
      aws += r.records.filter((x) => x.type.startsWith('aws_')).length;
      for (const x of r.records) {
        if (x.source !== 'hcl' || !x.address || !x.loc.file || !x.loc.line) failures.push(`${f}: malformed record ${x.address}`);
      }
    } catch (e) {
      failures.push(`${f}: ${(e as Error).message}`);
    }
  }
  return { failures, records, aws };
}

describeWithShared('HCL corpora', 'corpora', () => {
  it('parses and evaluates every trivy-checks split snippet', async () => {
    const files = walk(join(CORPORA, 'aquasecurity__trivy-checks', '_derived', 'split'), (p) => p.endsWith('.tf'));
    expect(files.length).toBeGreaterThan(0);
    const r = await readEach(files);
    expect(r.failures).toEqual([]);
    expect(r.aws).toBeGreaterThan(files.length / 2);
  }, 120_000);

  it('evaluates every terraform-compliance main.tf', async () => {
    const files = walk(join(CORPORA, 'terraform-compliance__cli', 'tests'), (p) => p.endsWith('/main.tf') || p.endsWith('\\main.tf'));
    expect(files.length).toBeGreaterThan(0);
    const r = await readEach(files);
    expect(r.failures).toEqual([]);
    expect(r.records).toBeGreaterThan(files.length);
  }, 120_000);

  it('evaluates every regula *_infra.tf', async () => {
    const files = walk(join(CORPORA, 'fugue__regula'), (p) => p.endsWith('_infra.tf'));
    expect(files.length).toBeGreaterThan(0);
    const r = await readEach(files);
    expect(r.failures).toEqual([]);
    expect(r.aws).toBeGreaterThan(files.length);
  }, 120_000);
});
