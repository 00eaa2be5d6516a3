import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module of the launcher
import { distIsCurrent, sourceFiles, sourcesHash } from '../../bin/compiled.js';

// The launcher runs dist/ only when it was built from exactly the current sources; otherwise tsx.
const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function tree(builtAtMs: number, sources: number): string {
  const root = mkdtempSync(join(tmpdir(), 'fr-dist-'));
  roots.push(root);
  mkdirSync(join(root, 'checks/engine'), { recursive: true });
  mkdirSync(join(root, 'reports'), { recursive: true });
  mkdirSync(join(root, 'dist'), { recursive: true });
  const old = new Date('2026-01-01T00:00:00Z');
  for (const f of ['checks/engine/run.ts', 'reports/json.ts', 'checks/engine/run.test.ts']) {
    writeFileSync(join(root, f), 'export {};\n');
    utimesSync(join(root, f), old, old);
  }
  writeFileSync(join(root, 'dist/build.json'), JSON.stringify({ builtAtMs, sources, sourcesSha256: sourcesHash(sourceFiles(root), root) }));
  return root;
}

describe('bin/compiled.js: is dist/ current?', () => {
  const built = Date.parse('2026-06-01T00:00:00Z');

  it('counts sources without tests and finds a build of all of them current', () => {
    const root = tree(built, 2);
    expect(sourceFiles(root).map((f: { file: string }) => f.file.slice(root.length + 1)).sort()).toEqual(['checks/engine/run.ts', 'reports/json.ts']);
    expect(distIsCurrent(root)).toBe(true);
  });

  it('is stale when a source was changed after the build', () => {
    const root = tree(built, 2);
    writeFileSync(join(root, 'reports/json.ts'), 'export const changed = 1;\n');
    const later = new Date(built + 1000);
    utimesSync(join(root, 'reports/json.ts'), later, later);
    expect(distIsCurrent(root)).toBe(false);
  });

  it('stays current when only modification times moved (an installed package): the content hash decides', () => {
    const root = tree(built, 2);
    const later = new Date(built + 60_000);
    for (const f of ['checks/engine/run.ts', 'reports/json.ts']) utimesSync(join(root, f), later, later);
    expect(distIsCurrent(root)).toBe(true);
  });

  it('is stale when a source was added or removed since the build', () => {
    expect(distIsCurrent(tree(built, 3))).toBe(false);
    expect(distIsCurrent(tree(built, 1))).toBe(false);
  });

  it('is stale without a build stamp or with an unreadable one', () => {
    const root = tree(built, 2);
    writeFileSync(join(root, 'dist/build.json'), '{not json');
    expect(distIsCurrent(root)).toBe(false);
    rmSync(join(root, 'dist/build.json'));
    expect(distIsCurrent(root)).toBe(false);
  });
});
