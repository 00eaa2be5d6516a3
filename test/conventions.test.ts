// docs/conventions.md stays true: its layer table is what the code imports, and its test-tree table is
// what test/ holds. Reading the tables from the page keeps one statement of each rule.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';

const ROOT = join(__dirname, '..');
const DOC = readFileSync(join(ROOT, 'docs/conventions.md'), 'utf8');

/** The rows of the first Markdown table after a heading, as arrays of cells. */
function tableAfter(heading: string): string[][] {
  const start = DOC.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`docs/conventions.md has no heading "${heading}"`);
  const lines = DOC.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const l of lines.slice(first + 2)) {
    if (!l.startsWith('|')) break;
    rows.push(l.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows;
}
const codeSpans = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/** The layer a file belongs to: `checks/<folder>`, a file at the top of checks/, `reports`, `reference-stack/api`; else the path. */
function layerOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] === 'checks') return parts.length === 2 ? path : `checks/${parts[1]}`;
  if (parts[0] === 'reports') return 'reports';
  if (parts[0] === 'reference-stack' && parts[1] === 'api') return 'reference-stack/api';
  return path;
}

/** Every relative import (static, re-export, dynamic with a literal) of the TypeScript under these folders, as repository paths. */
function importEdges(dirs: string[]): Array<{ from: string; to: string }> {
  const edges: Array<{ from: string; to: string }> = [];
  for (const dir of dirs) {
    for (const f of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
      if (!f.endsWith('.ts') || f.includes('node_modules')) continue;
      const from = `${dir}/${f}`;
      const sf = ts.createSourceFile(from, readFileSync(join(ROOT, from), 'utf8'), ts.ScriptTarget.ES2022, true);
      const add = (spec: string) => {
        if (spec.startsWith('.')) edges.push({ from, to: relative(ROOT, join(ROOT, dirname(from), spec)) });
      };
      const visit = (n: ts.Node): void => {
        if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) add(n.moduleSpecifier.text);
        if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteralLike(n.arguments[0])) add(n.arguments[0].text);
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
  }
  return edges.map((e) => ({ from: e.from, to: e.to.replace(/\.js$/, '.ts') }));
}

describe('docs/conventions.md: layers', () => {
  const rows = tableAfter('## Layers (imports point down only)');
  const allowed = new Map(rows.map((r) => [codeSpans(r[0]!)[0]!, new Set(codeSpans(r[2]!))]));

  it('has a row for every folder of checks/, each file at its top, reports and the reference API, and no other', () => {
    const checks = readdirSync(join(ROOT, 'checks')).map((n) => `checks/${n}`);
    const expected = [...checks.filter((p) => statSync(join(ROOT, p)).isDirectory() || p === 'checks/version.ts'), 'reports', 'reference-stack/api'].sort();
    // checks/errors.ts is no row: every layer but the model may import it (the paragraph above the table says so).
    expect([...allowed.keys()].sort()).toEqual(expected);
    for (const [folder, imports] of allowed) for (const target of imports) expect(allowed.has(target), `${folder} names ${target}, which has no row`).toBe(true);
  });

  it('every import between layers is one the table allows, and the table has no cycle', () => {
    const bad = new Set<string>();
    for (const { from, to } of importEdges(['checks', 'reports', 'reference-stack/api'])) {
      const a = layerOf(from);
      const b = layerOf(to);
      if (a === b) continue;
      if (b === 'checks/errors.ts' && a !== 'checks/model') continue;
      if (allowed.get(a)?.has(b)) continue;
      bad.add(`${a} -> ${b} (${from} imports ${to})`);
    }
    expect([...bad]).toEqual([]);
    // imports point down only: following the table from any row never comes back to it
    const reaches = (from: string, seen = new Set<string>()): Set<string> => {
      for (const t of allowed.get(from) ?? []) if (!seen.has(t)) reaches(t, seen.add(t));
      return seen;
    };
    for (const folder of allowed.keys()) expect(reaches(folder).has(folder), `${folder} can reach itself`).toBe(false);
  });

  it('the model and the reference API import nothing outside themselves', () => {
    expect(allowed.get('checks/model')?.size).toBe(0);
    expect(allowed.get('reference-stack/api')?.size).toBe(0);
  });
});

describe('docs/conventions.md: test tree', () => {
  const rows = tableAfter('### Test tree');

  it('lists every folder of test/, and only those', () => {
    const folders = readdirSync(join(ROOT, 'test'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `test/${d.name}`);
    expect(rows.map((r) => codeSpans(r[0]!)[0]).sort()).toEqual(folders.sort());
    for (const r of rows) expect(['layer', 'policies', 'feature', 'shared'], r[0]).toContain(r[1]);
  });

  it('a layer folder is named after the code it tests; test files sit in a listed folder or at the top', () => {
    for (const r of rows.filter((x) => x[1] === 'layer')) {
      const name = codeSpans(r[0]!)[0]!.slice('test/'.length);
      const code = [`checks/${name}`, `checks/sources/${name}`, name].filter((p) => existsSync(join(ROOT, p)));
      expect(code, `${name} names no code folder`).not.toEqual([]);
    }
    const tests = readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts'));
    const listed = new Set(rows.map((r) => codeSpans(r[0]!)[0]!.slice('test/'.length)));
    expect(tests.filter((f) => f.includes('/') && !listed.has(f.split('/')[0]!))).toEqual([]);
    expect(tests.filter((f) => !f.includes('/')).sort()).toEqual(['architecture.test.ts', 'conventions.test.ts', 'lint.test.ts']);
  });
});
