import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { nativeHclToJson } from '../../checks/sources/hcl/native-json.js';
import { Unsupported } from '../../checks/sources/hcl/native-syntax.js';
import type { TfSourceResult } from '../../checks/sources/terraform/record.js';
import { itWithShared, sharedDir } from '../helpers/shared.js';

/**
 * The TypeScript parser (native-syntax.ts + native-json.ts) stands in for the WASM build of hcl2json on
 * every text it accepts, so it must give hcl2json's JSON exactly: same values, same key order (the
 * order Go's encoder writes), file by file, on every Terraform file we have. What it does not accept it
 * must hand to the WASM parser (Unsupported), never answer differently.
 */
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const hcl2json = createRequire(import.meta.url)('@cdktf/hcl2json') as { parse(name: string, text: string): Promise<Record<string, unknown> | null> };

function terraformFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!['node_modules', 'dist', 'tmp', '.git'].includes(e.name)) walk(p);
      } else if (/\.(tf|tfvars)$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

interface Comparison {
  files: number;
  /** Files the TypeScript parser read itself (all of them must equal hcl2json's JSON). */
  native: number;
  /** Files it left to the WASM parser. */
  deferred: string[];
  /** Files where the two parsers disagree: the file and the first difference. */
  differ: string[];
}

async function compareParsers(files: string[], base: string): Promise<Comparison> {
  const r: Comparison = { files: files.length, native: 0, deferred: [], differ: [] };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const name = relative(base, file);
    let wasm: string;
    try {
      wasm = JSON.stringify((await hcl2json.parse(name, text)) ?? {});
    } catch (e) {
      wasm = `syntax error: ${String((e as Error).message ?? e).split('\n')[0]}`;
    }
    let native: string;
    try {
      native = JSON.stringify(nativeHclToJson(text));
    } catch (e) {
      if (e instanceof Unsupported) {
        r.deferred.push(name);
        continue;
      }
      native = `threw: ${(e as Error).message}`;
    }
    r.native++;
    // the serialised form: equal values AND equal key order
    if (native !== wasm) {
      let at = 0;
      while (at < native.length && native[at] === wasm[at]) at++;
      r.differ.push(`${name}: at char ${at}: typescript ${native.slice(Math.max(0, at - 40), at + 60)} | hcl2json ${wasm.slice(Math.max(0, at - 40), at + 60)}`);
    }
  }
  return r;
}

describe('the TypeScript HCL parser gives exactly hcl2json JSON', () => {
  it('on every .tf and .tfvars file in the repository (fixtures, reference stack, tests, examples)', async () => {
    const files = terraformFiles(REPO);
    expect(files.some((f) => f.includes('reference-stack/terraform/modules'))).toBe(true);
    expect(files.length).toBeGreaterThan(200);
    const r = await compareParsers(files, REPO);
    expect(r.differ).toEqual([]);
    // it must actually be the parser that runs: nearly every real file is read without the WASM parser
    expect(r.deferred).toEqual([]);
    expect(r.native).toBe(files.length);
  }, 120_000);

  itWithShared(
    'on every .tf file of the public corpora in ../shared/corpora',
    'corpora',
    async () => {
      const files = terraformFiles(sharedDir('corpora'));
      expect(files.length).toBeGreaterThan(300);
      const r = await compareParsers(files, sharedDir('corpora'));
      expect(r.differ).toEqual([]);
      expect(r.deferred).toEqual([]);
    },
    120_000,
  );

  it('hands malformed text to the WASM parser instead of answering (so users see its file:line:col message)', async () => {
    const bad = ['resource "a" "b" {\n  x = \n}\n', 'resource "a" "b" {\n', 'x = [1, 2\n', 'locals {\n  a = "unterminated\n}\n', 'a = 1 +\n'];
    for (const text of bad) {
      expect(() => nativeHclToJson(text), text).toThrow(Unsupported);
      await expect(hcl2json.parse('bad.tf', text), text).rejects.toThrow();
    }
  });
});

describe('records and their file:line positions do not depend on the parser', () => {
  const roots = ['reference-stack/terraform/environments/production', 'reference-stack/terraform/environments/mvp', 'reference-stack/terraform/environments/patriot'].map((r) => join(REPO, r));

  async function readAll(): Promise<Array<TfSourceResult & { parsed: { native: number; wasm: number } }>> {
    const { readHcl } = await import('../../checks/sources/hcl/index.js');
    const { parserCounts } = await import('../../checks/sources/hcl/parse.js');
    const out = [];
    for (const root of roots) {
      const before = { ...parserCounts };
      const r = await readHcl([root], { root, displayRoot: REPO, parseWorkers: 0 });
      out.push({ ...r, parsed: { native: parserCounts.native - before.native, wasm: parserCounts.wasm - before.wasm } });
    }
    return out;
  }

  it('reads the reference stack to the same records, values and locations with the WASM parser alone', async () => {
    const withNative = await readAll();
    vi.resetModules();
    vi.doMock('../../checks/sources/hcl/native-json.js', async () => {
      const { Unsupported: U } = await import('../../checks/sources/hcl/native-syntax.js');
      return {
        nativeHclToJson: () => {
          throw new U('this test: the WASM parser only', 0);
        },
      };
    });
    let wasmOnly;
    try {
      wasmOnly = await readAll();
    } finally {
      vi.doUnmock('../../checks/sources/hcl/native-json.js');
      vi.resetModules();
    }
    for (const [i, r] of withNative.entries()) {
      expect(r.parsed.native).toBeGreaterThan(5);
      expect(r.parsed.wasm).toBe(0);
      expect(wasmOnly[i]!.parsed.native).toBe(0);
      expect(wasmOnly[i]!.parsed.wasm).toBe(r.parsed.native);
      expect(r.records.length).toBeGreaterThan(20);
      expect(r.records.every((x) => (x.loc?.line ?? 0) > 0)).toBe(true);
      const { parsed: _a, ...a } = r;
      const { parsed: _b, ...b } = wasmOnly[i]!;
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    }
  }, 120_000);
});
