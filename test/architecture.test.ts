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

// One home for each rule (issue 13): commands share code through checks/cli modules, never each other;
// statuses and severities are ranked in one module (checks/engine/order.ts).
describe('one home: commands, output formats and orders', () => {
  it('no command imports another command (shared pieces live in checks/cli/*.ts)', () => {
    const commands = tsFiles('checks/cli/commands');
    expect(commands.length).toBeGreaterThan(5);
    // the check reads real imports: the commands do import the shared render step and format options
    expect(importsInto('checks/cli/commands', ['checks/cli/render-outputs', 'checks/cli/output-formats']).length).toBeGreaterThanOrEqual(6);
    expect(importsInto('checks/cli/commands', ['checks/cli/commands'])).toEqual([]);
  });

  it('no file but checks/engine/order.ts lists every status or ranks statuses and severities, and none that sorts findings uses localeCompare', () => {
    const S = `'(?:pass|fail|unknown|waived|error)'`;
    const K = '(?:pass|fail|unknown|waived|error)';
    const V = '(?:critical|high|medium|low|info)';
    const patterns = [
      new RegExp(`\\[\\s*${S}(?:\\s*,\\s*${S}){4}\\s*\\]`), // ['fail', 'error', 'unknown', 'waived', 'pass']
      new RegExp(`\\{\\s*${K}:\\s*\\d+(?:\\s*,\\s*${K}:\\s*\\d+){4}\\s*\\}`), // { fail: 0, error: 1, ... } or zero counts
      new RegExp(`\\{\\s*${V}:\\s*\\d+(?:\\s*,\\s*${V}:\\s*\\d+){4}\\s*\\}`), // { critical: 0, high: 1, ... }
      /localeCompare|Intl\.Collator/, // finding text is compared by code point (cmp), the same in every locale
      /\b(?:SEVERITIES|STATUS_ORDER)\.indexOf\(/, // a rank by position in the list: SEVERITY_RANK, STATUS_RANK, atLeastAsSevere
    ];
    // the patterns match what they look for: the one definition in order.ts
    const order = readFileSync(join(ROOT, 'checks/engine/order.ts'), 'utf8');
    expect(patterns[0]!.test(order)).toBe(true);
    expect(patterns[4]!.test('const limit = SEVERITIES.indexOf(failOn);')).toBe(true);
    const sortsFindings = (text: string) => /\bfindings\b/.test(text) && /\.sort\(/.test(text);
    const bad: string[] = [];
    for (const f of [...tsFiles('checks'), ...tsFiles('reports')]) {
      const rel = relative(ROOT, f);
      if (rel === 'checks/engine/order.ts') continue;
      const text = readFileSync(f, 'utf8');
      [0, 1, 2, 4].forEach((i) => patterns[i]!.test(text) && bad.push(`${rel}: pattern ${i}`));
      if (sortsFindings(text) && patterns[3]!.test(text)) bad.push(`${rel}: sorts findings with localeCompare`);
    }
    expect(bad).toEqual([]);
  });
});

// Service adapters (checks/adapters/{terraform,live}/<service>.ts) share code only through their
// family's helper modules (checks/adapters/<family>/helpers/) and the helpers both families use
// (checks/adapters/shared/): never by importing another service adapter, of either family.
describe('service adapters import only helper and shared modules', () => {
  const FAMILIES = ['terraform', 'live'] as const;
  const ADAPTERS = 'checks/adapters';
  /** Adapter-layer modules any file below may import: the classification and the inventory shape. */
  const COMMON = [`${ADAPTERS}/classification.ts`, `${ADAPTERS}/inventory.ts`];

  function serviceAdapters(family: string): string[] {
    return readdirSync(join(ROOT, ADAPTERS, family), { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts') && e.name !== 'index.ts')
      .map((e) => join(ROOT, ADAPTERS, family, e.name));
  }

  /** Imports of `files` that land in checks/adapters outside `allowed` (folders end in `/`). */
  function adapterImportsOutside(files: string[], allowed: string[]): string[] {
    const bad: string[] = [];
    for (const f of files) {
      for (const spec of imports(f)) {
        const target = relative(ROOT, join(f, '..', spec)).replace(/\.js$/, '.ts');
        if (!target.startsWith(`${ADAPTERS}/`)) continue;
        if (!allowed.some((a) => (a.endsWith('/') ? target.startsWith(a) : target === a))) bad.push(`${relative(ROOT, f)} -> ${target}`);
      }
    }
    return bad;
  }

  it('reads real imports: both families have their service adapters, and they use the shared helpers', () => {
    for (const family of FAMILIES) expect(serviceAdapters(family).length, family).toBeGreaterThanOrEqual(14);
    const rds = join(ROOT, ADAPTERS, 'terraform', 'rds.ts');
    expect(adapterImportsOutside([rds], [])).toContain(`${ADAPTERS}/terraform/rds.ts -> ${ADAPTERS}/shared/rds-engines.ts`);
  });

  it.each(FAMILIES)('a %s service adapter imports no other service adapter (of either family), only its helpers and shared/', (family) => {
    expect(adapterImportsOutside(serviceAdapters(family), [`${ADAPTERS}/${family}/helpers/`, `${ADAPTERS}/shared/`, ...COMMON])).toEqual([]);
  });

  it.each(FAMILIES)('the %s helper modules import no service adapter', (family) => {
    expect(adapterImportsOutside(tsFiles(`${ADAPTERS}/${family}/helpers`), [`${ADAPTERS}/${family}/helpers/`, `${ADAPTERS}/shared/`, ...COMMON])).toEqual([]);
  });

  it('shared helpers belong to neither family', () => {
    expect(adapterImportsOutside(tsFiles(`${ADAPTERS}/shared`), [`${ADAPTERS}/shared/`])).toEqual([]);
  });
});
