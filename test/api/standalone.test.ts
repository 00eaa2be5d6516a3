// The reference API stands alone: nothing under reference-stack/api reaches into the scanner's code
// (checks/, reports/). Its conformance suite writes the published results contract on its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const API = join(ROOT, 'reference-stack/api');

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!).filter((s) => s.startsWith('.'));
}

describe('reference API stands alone', () => {
  it('imports nothing outside reference-stack/api', () => {
    const files = readdirSync(API, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(API, f));
    expect(files.length).toBeGreaterThan(10);
    const outside: string[] = [];
    for (const f of files) {
      for (const spec of relativeImports(f)) {
        const target = relative(API, join(f, '..', spec));
        if (target.startsWith('..')) outside.push(`${relative(ROOT, f)} -> ${relative(ROOT, join(f, '..', spec))}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('gives app findings the scanner\'s stable ids, so diff follows them across runs', async () => {
    const { appFindingId } = await import('../../reference-stack/api/conformance/results.js');
    const { findingId } = await import('../../checks/engine/run.js');
    for (const [p, a] of [['app-tenant-isolation', 'GET /api/v1/students/{studentId}'], ['app-audit-refused-access', 'refused access']] as const) {
      expect(appFindingId(p, a)).toBe(findingId(p, { id: a, source: 'app', account: undefined, region: undefined }));
    }
  });
});
