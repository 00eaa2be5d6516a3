import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(ROOT, dir, f));
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!).filter((s) => s.startsWith('.'));
}

function importsInto(fromDir: string, forbidden: string[]): string[] {
  const bad: string[] = [];
  for (const f of tsFiles(fromDir)) {
    for (const spec of imports(f)) {
      const target = relative(ROOT, join(f, '..', spec));
      if (forbidden.some((d) => target.startsWith(d))) bad.push(`${relative(ROOT, f)} -> ${target}`);
    }
  }
  return bad;
}

// DESIGN.md: model imports nothing; sources never import engine; engine never imports sources or
// adapters; reports read only findings and the catalog.
describe('layer boundaries', () => {
  it('model imports nothing outside itself', () => {
    expect(importsInto('checks/model', ['checks/engine', 'checks/sources', 'checks/adapters', 'checks/rules', 'checks/cli', 'checks/pipeline', 'reports'])).toEqual([]);
  });
  it('sources never import the engine, rules or adapters', () => {
    expect(importsInto('checks/sources', ['checks/engine', 'checks/rules', 'checks/adapters', 'checks/cli', 'checks/pipeline', 'reports'])).toEqual([]);
  });
  it('the engine never imports sources, adapters, the pipeline or the CLI', () => {
    expect(importsInto('checks/engine', ['checks/sources', 'checks/adapters', 'checks/pipeline', 'checks/cli', 'reports'])).toEqual([]);
  });
  it('reports never import sources, adapters, the engine runtime or the CLI', () => {
    expect(importsInto('reports', ['checks/sources', 'checks/adapters', 'checks/pipeline', 'checks/cli', 'checks/engine/run', 'checks/engine/evaluate'])).toEqual([]);
  });
});
