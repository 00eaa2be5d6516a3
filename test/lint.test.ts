// `npm run lint`: the house rules hold over every TypeScript file, each rule catches what it names, and
// ESLint (eslint.config.js) runs clean as soon as package.json declares it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFinding, lintSource, RULES, type RuleId } from '../scripts/lint/house-rules.js';
import { declaredEslintPackages, ESLINT_PACKAGES } from '../scripts/lint.js';

const REPO = join(__dirname, '..');

describe('house rules', () => {
  const cases: Array<[RuleId, string, string, string]> = [
    ['relative-import-suffix', 'checks/engine/x.ts', "import { a } from './a';", "import { a } from './a.js';"],
    ['relative-import-suffix', 'test/x.test.ts', "const m = await import('../checks/cli/main.ts');", "const m = await import('../checks/cli/main.js');"],
    ['relative-import-suffix', 'reports/x.ts', "export { b } from '../checks/b';", "export { b } from 'yaml';"],
    ['no-default-export', 'reports/x.ts', 'export default function render() {}', 'export function render() {}'],
    ['no-default-export', 'scripts/x.ts', 'const x = 1;\nexport default x;', 'export const x = 1;'],
    ['no-console', 'checks/pipeline/x.ts', "console.log('scanned');", "const message = 'scanned';"],
    ['process-io-in-cli', 'checks/engine/x.ts', 'process.exit(2);', "throw new Error('x');"],
    ['process-io-in-cli', 'reports/x.ts', "process.stdout.write('x');", "const out = ['x'];"],
    ['no-focused-test', 'test/a/x.test.ts', "it.only('x', () => {});", "it('x', () => {});"],
    ['no-skipped-test', 'test/a/x.test.ts', "describe.skip('x', () => {});", "describe('x', () => {});"],
    ['no-skipped-test', 'test/a/x.test.ts', "it.todo('later');", "it('now', () => {});"],
    ['no-skipped-test', 'test/a/x.test.ts', "it.skipIf(!existsSync(CORPORA))('x', () => {});", "it.skipIf(!existsSync(CORPORA) && !process.env.CI)('x', () => {});"],
  ];
  it.each(cases)('%s: %s', (rule, file, bad, good) => {
    expect(lintSource(file, bad).map((f) => f.rule)).toEqual([rule]);
    expect(lintSource(file, good)).toEqual([]);
  });

  it('applies each rule where it belongs: the CLI owns process I/O, tests may print, test/helpers/shared.ts may skip', () => {
    expect(lintSource('checks/cli/exit.ts', 'process.exit(2);')).toEqual([]);
    expect(lintSource('test/a/x.test.ts', "console.log('debug');")).toEqual([]);
    expect(lintSource('test/helpers/shared.ts', "it.skip('needs ../shared', () => {});")).toEqual([]);
    expect(lintSource('checks/util/x.ts', "it.only('not a test file', () => {});")).toEqual([]);
  });

  it('names the file and line of a finding', () => {
    const [f] = lintSource('checks/engine/x.ts', "import { a } from './a.js';\n\nimport { b } from './b';");
    expect(f && formatFinding(f)).toBe("checks/engine/x.ts:3: relative-import-suffix: import './b' lacks the .js suffix");
    expect(Object.keys(RULES).sort()).toEqual([...new Set(cases.map((c) => c[0]))].sort());
  });
});

describe('npm run lint', () => {
  // ESLint's configuration is committed before its packages are: until package.json declares them (all
  // together), `npm run lint` runs the house rules alone and says so; from then on ESLint must pass too.
  it('finds nothing in the repository (house rules, and ESLint once declared)', () => {
    const config = readFileSync(join(REPO, 'eslint.config.js'), 'utf8');
    for (const p of ESLINT_PACKAGES.filter((x) => x !== 'eslint')) expect(config, p).toContain(`'${p}`);
    const declared = declaredEslintPackages(REPO);
    if (declared.length) expect(declared, 'eslint.config.js needs every one of them').toEqual(ESLINT_PACKAGES);
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/lint.ts'], { cwd: REPO, encoding: 'utf8' });
    expect(r.stdout).toBe('');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(declared.length ? /^lint: 0 house-rule finding\(s\)\n$/ : /ESLint not declared in package\.json, not run/);
  });
});
