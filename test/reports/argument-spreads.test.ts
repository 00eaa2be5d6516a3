// Issue 12: `Math.max(...findings.map(...))` crashed the text output at 20,000 resources. A spread in a
// call passes every item as an argument, and about 130,000 overflow the stack. This keeps new ones
// out of checks/ and reports/: a call spread is allowed only where the list cannot grow with the input.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');

/** file -> spread argument texts (start) allowed there, with why the list is bounded. */
const BOUNDED: Record<string, string[]> = {
  'checks/cli/commands/init.ts': ['commentBlock(', 'body.map('], // the fixed text of `init`
  'checks/store/local.ts': ['key.split('], // store keys are ours: `<run>/<file>`
  'reports/ferpa/html.ts': ['families.map('], // control families of the framework
  'reports/ferpa/markdown.ts': ['table('], // remaining tables are per catalog control, status or severity
};

function callSpreads(): string[] {
  const found: string[] = [];
  for (const dir of ['checks', 'reports']) {
    for (const f of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
      if (!f.endsWith('.ts')) continue;
      const file = join(ROOT, dir, f);
      const rel = relative(ROOT, file).replace(/\\/g, '/');
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (n: ts.Node): void => {
        if (ts.isSpreadElement(n) && (ts.isCallExpression(n.parent) || ts.isNewExpression(n.parent))) {
          const arg = n.expression.getText(sf);
          if (!(BOUNDED[rel] ?? []).some((ok) => arg.startsWith(ok))) found.push(`${rel}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}: ...${arg.slice(0, 60)}`);
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
  }
  return found;
}

describe('no argument spreads over lists that grow with the input', () => {
  it('checks/ and reports/ use pushAll / maxOf / minOf (checks/util/push-all.ts) instead', () => {
    expect(callSpreads()).toEqual([]);
  });
});
