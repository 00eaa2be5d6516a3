// The rules of the house that a compiler does not check, read from the syntax tree (TypeScript's own
// parser, no type checking): `npm run lint` and test/lint.test.ts run them over every TypeScript file.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import ts from 'typescript';

export interface HouseFinding {
  file: string;
  line: number;
  rule: RuleId;
  message: string;
}

export const RULES = {
  'relative-import-suffix': 'a relative import names the compiled file: `./x.js`, never `./x` or `./x.ts` (ESM, NodeNext)',
  'no-default-export': 'named exports only: one name for a thing across the code base',
  'no-console': 'checks/ and reports/ never print: the CLI writes output (checks/cli/output.ts), the rest returns values or throws',
  'process-io-in-cli': 'process.exit, process.argv and process.stdout belong to checks/cli (exit codes and output have one home)',
  'no-focused-test': '`.only` runs one test and silently drops the rest',
  'no-skipped-test': 'no skipped or todo tests; only a test needing ../shared may skip, through test/helpers/shared.ts or a skipIf on process.env.CI',
} as const;
export type RuleId = keyof typeof RULES;

/** Folders of TypeScript the rules read, relative to the repository. */
export const LINTED = ['checks', 'reports', 'test', 'scripts', 'bench', 'reference-stack'];
/** The one module allowed to skip (a test needing ../shared outside CI). */
const SKIP_HELPER = 'test/helpers/shared.ts';

export function lintedFiles(repo: string, dirs = LINTED): string[] {
  return dirs
    .flatMap((d) => readdirSync(join(repo, d), { recursive: true, encoding: 'utf8' }).map((f) => join(d, f)))
    .filter((f) => f.endsWith('.ts') && !f.split(sep).includes('node_modules'))
    .map((f) => f.split(sep).join('/'))
    .sort();
}

/** Findings of every rule in one file; `file` is the path relative to the repository (it selects the rules that apply). */
export function lintSource(file: string, text: string): HouseFinding[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out: HouseFinding[] = [];
  const report = (node: ts.Node, rule: RuleId, message: string) => out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, rule, message });
  const inProduct = file.startsWith('checks/') || file.startsWith('reports/');
  const inCli = file.startsWith('checks/cli/');
  const isTest = file.startsWith('test/');

  const checkSpecifier = (node: ts.Node, spec: string) => {
    if (!spec.startsWith('./') && !spec.startsWith('../')) return;
    if (!/\.(js|mjs|cjs|json)$/.test(spec)) report(node, 'relative-import-suffix', `import '${spec}' lacks the .js suffix`);
  };

  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) checkSpecifier(node, node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) checkSpecifier(node, node.arguments[0].text);
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) checkSpecifier(node, node.argument.literal.text);

    if (ts.isExportAssignment(node) && !node.isExportEquals) report(node, 'no-default-export', 'export default');
    if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) report(node, 'no-default-export', 'export default');

    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const obj = node.expression.text;
      const prop = node.name.text;
      if (inProduct && obj === 'console') report(node, 'no-console', `console.${prop}`);
      if (inProduct && !inCli && obj === 'process' && (prop === 'exit' || prop === 'argv' || prop === 'stdout')) report(node, 'process-io-in-cli', `process.${prop} outside checks/cli`);
    }

    // it.only / describe.skip / test.todo / it.skipIf(...)(...) and the like
    if (isTest && ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && ['it', 'test', 'describe', 'suite'].includes(node.expression.text)) {
      const mod = node.name.text;
      if (mod === 'only') report(node, 'no-focused-test', `${node.expression.text}.only`);
      if ((mod === 'skip' || mod === 'todo') && file !== SKIP_HELPER) report(node, 'no-skipped-test', `${node.expression.text}.${mod}`);
      if (mod === 'skipIf' || mod === 'runIf') {
        const call = node.parent;
        const cond = ts.isCallExpression(call) && call.expression === node ? call.arguments[0]?.getText(sf) ?? '' : '';
        if (!/process\.env\.CI\b/.test(cond)) report(node, 'no-skipped-test', `${node.expression.text}.${mod} whose condition does not keep CI from skipping (${cond || 'no condition'})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

export function lintRepo(repo: string, files = lintedFiles(repo)): HouseFinding[] {
  return files.flatMap((f) => lintSource(f, readFileSync(join(repo, f), 'utf8')));
}

export function formatFinding(f: HouseFinding): string {
  return `${f.file}:${f.line}: ${f.rule}: ${f.message}`;
}
