// `npm run lint`: the house rules (scripts/lint/house-rules.ts) over every TypeScript file, then ESLint
// (eslint.config.js) once package.json lists it in devDependencies. One line per finding
// (`file:line: rule: message`); exit 0 clean, 1 findings, 2 a linter that is declared cannot run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFinding, lintRepo } from './lint/house-rules.js';

const REPO = join(import.meta.dirname, '..');

/** The ESLint packages eslint.config.js imports; declared all together or not at all. */
export const ESLINT_PACKAGES = ['eslint', '@eslint/js', 'typescript-eslint', 'globals', 'eslint-config-prettier'];

export function declaredEslintPackages(repo = REPO): string[] {
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
  return ESLINT_PACKAGES.filter((p) => pkg.devDependencies?.[p]);
}

function main(): number {
  const findings = lintRepo(REPO);
  for (const f of findings) process.stdout.write(`${formatFinding(f)}\n`);
  let status = findings.length ? 1 : 0;
  const declared = declaredEslintPackages();
  if (declared.length) {
    const bin = join(REPO, 'node_modules', '.bin', 'eslint');
    if (declared.length !== ESLINT_PACKAGES.length || !existsSync(bin)) {
      process.stderr.write(`lint: ESLint needs ${ESLINT_PACKAGES.join(', ')} in devDependencies and installed (npm install); package.json declares ${declared.join(', ')}\n`);
      return 2;
    }
    const r = spawnSync(bin, ['.', '--max-warnings=0'], { cwd: REPO, stdio: 'inherit' });
    if (r.status !== 0) status = r.status === 1 ? 1 : 2;
  }
  process.stderr.write(`lint: ${findings.length} house-rule finding(s)${declared.length ? '' : '; ESLint not declared in package.json, not run'}\n`);
  return status;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) process.exit(main());
