/**
 * The fuzz suite's worker (started by test/fuzz/fuzz.test.ts): runs cases `from`.. in this process
 * through the CLI's entry and reports each on file descriptor 3 as a JSON line, `{start}` before and
 * `{result}` after, so the parent can bound every case in time and name one that hangs. It stops at
 * `count` cases or when the time budget is spent (after at least `min`), and then ends on its own:
 * a handle left open by a case keeps it alive, which the parent reports.
 *
 *   node --import tsx test/fuzz/runner.ts <seed> <from> <count> <min> <budgetMs> <workdir>
 */
import { mkdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runMain } from '../cli/in-process.js';
import { fuzzCase } from './cases.js';
import { caseProblems } from './check.js';

const [seed, from, count, min, budgetMs] = process.argv.slice(2, 7).map(Number) as [number, number, number, number, number];
const workdir = process.argv[7]!;
const report = (o: unknown): void => {
  writeSync(3, `${JSON.stringify(o)}\n`);
};

// errors escaping a case (a promise rejected after main returned, an error event) belong to it
let escaped: string[] = [];
process.on('unhandledRejection', (e) => escaped.push(`unhandled rejection: ${(e as Error)?.message ?? String(e)}`));
process.on('uncaughtException', (e) => escaped.push(`uncaught exception: ${e?.message ?? String(e)}`));

const started = Date.now();
let i = from;
for (; i < count; i++) {
  if (i - from >= min && Date.now() - started > budgetMs) break;
  let c;
  try {
    c = fuzzCase(seed, i);
  } catch (e) {
    // the generator's own failure is not the CLI's: reported as such, so it is fixed in the generator
    report({ start: i, kind: 'generator', args: [] });
    report({ result: i, kind: 'generator', code: -3, ms: 0, problems: [`case generator failed: ${(e as Error).message}`] });
    continue;
  }
  const dir = join(workdir, String(i));
  for (const [rel, content] of Object.entries(c.files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  const args = c.args(dir);
  report({ start: i, kind: c.kind, args });
  const t = Date.now();
  escaped = [];
  const r = await runMain(args);
  await new Promise((res) => setImmediate(res));
  const problems = [...caseProblems(r), ...escaped];
  report({ result: i, kind: c.kind, code: r.code, ms: Date.now() - t, problems, stderr: problems.length ? r.stderr.slice(0, 2000) : undefined });
  if (!problems.length) rmSync(dir, { recursive: true, force: true });
}
report({ done: true, next: i });
