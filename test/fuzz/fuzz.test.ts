import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { BIN, REPO } from '../cli/run.js';
import { fuzzCase, type FuzzCase } from './cases.js';
import { caseProblems } from './check.js';

/**
 * Seeded fuzzing of every input the CLI reads: mutated plans, HCL trees (with modules and variables
 * files), snapshots, configuration files and policy files. Each case must end in exit 0, 1 or 2 within
 * its time bound, with no internal error and no stack trace (test/fuzz/check.ts). Cases run in a
 * worker process through the CLI's entry (test/fuzz/runner.ts); a few also through the real binary.
 *
 * FERPA_FUZZ_SEED (default 1209), FERPA_FUZZ_CASES (most cases, default 240), FERPA_FUZZ_SECONDS
 * (time budget for the in-process cases, default 45; at least FERPA_FUZZ_MIN_CASES, default 60, run
 * whatever the time), FERPA_FUZZ_CASE_SECONDS (bound per case, default 60: generous, the machine is
 * shared), FERPA_FUZZ_BIN_CASES (cases also run through bin/ferpa-ready.js, default 5).
 * A failing case keeps its files and is reproduced with the same seed and index.
 */

const env = (k: string, d: number): number => (process.env[k] ? Number(process.env[k]) : d);
const SEED = env('FERPA_FUZZ_SEED', 1209);
const CASES = env('FERPA_FUZZ_CASES', 240);
const MIN_CASES = Math.min(CASES, env('FERPA_FUZZ_MIN_CASES', 60));
const BUDGET_MS = env('FERPA_FUZZ_SECONDS', 45) * 1000;
const CASE_MS = env('FERPA_FUZZ_CASE_SECONDS', 60) * 1000;
const BIN_CASES = env('FERPA_FUZZ_BIN_CASES', 5);

interface Outcome {
  index: number;
  kind: string;
  code: number | 'hang';
  problems: string[];
  args?: string[];
}

/** Run cases from..CASES in one worker; resolves with what it reported and where it stopped. */
function runWorker(from: number, budgetMs: number, workdir: string): Promise<{ outcomes: Outcome[]; next: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'test/fuzz/runner.ts'), String(SEED), String(from), String(CASES), String(MIN_CASES), String(budgetMs), workdir], {
      cwd: REPO,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      env: { ...process.env, FERPA_READY_NOW: '2026-11-22T00:00:00Z', NO_COLOR: '1' },
    });
    const outcomes: Outcome[] = [];
    let current: { index: number; kind: string; args: string[] } | undefined;
    let next = from;
    let done = false;
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    let timer: NodeJS.Timeout | undefined;
    const arm = (ms: number, onFire: () => void): void => {
      clearTimeout(timer);
      timer = setTimeout(onFire, ms);
    };
    const hang = (): void => {
      if (current) outcomes.push({ index: current.index, kind: current.kind, code: 'hang', problems: [`no result within ${CASE_MS / 1000} s`], args: current.args });
      next = current ? current.index + 1 : next;
      child.kill('SIGKILL');
    };
    arm(CASE_MS + 60_000, hang); // start-up
    const lines = createInterface({ input: child.stdio[3] as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const m = JSON.parse(line) as { start?: number; result?: number; done?: boolean; next?: number; kind: string; code: number; problems: string[]; args: string[]; stderr?: string };
      if (m.start !== undefined) {
        current = { index: m.start, kind: m.kind, args: m.args };
        arm(CASE_MS, hang);
      } else if (m.result !== undefined) {
        outcomes.push({ index: m.result, kind: m.kind, code: m.code, problems: m.stderr ? [...m.problems, `stderr: ${m.stderr}`] : m.problems, args: current?.args });
        current = undefined;
        next = m.result + 1;
        arm(CASE_MS, hang);
      } else if (m.done) {
        done = true;
        next = m.next ?? next;
        // the worker must now end on its own: a handle a case left open would keep it alive
        arm(20_000, () => {
          outcomes.push({ index: next - 1, kind: 'exit', code: 'hang', problems: ['the worker did not exit after its last case: a handle was left open'] });
          child.kill('SIGKILL');
        });
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!done && current && !outcomes.some((o) => o.index === current!.index)) {
        // the worker died (or ended with work pending) inside a case
        outcomes.push({ index: current.index, kind: current.kind, code: 'hang', problems: [`worker ended during the case (${signal ?? `exit ${code}`}): ${stderr.slice(-500)}`], args: current.args });
        next = current.index + 1;
      } else if (!done && !current && signal !== 'SIGKILL') {
        outcomes.push({ index: next, kind: 'worker', code: 'hang', problems: [`worker ended early (${signal ?? `exit ${code}`}): ${stderr.slice(-500)}`] });
        next = CASES;
      }
      resolve({ outcomes, next: done ? CASES : next });
    });
  });
}

/** The same case through the real binary in a child process, bounded in time. */
function runBin(c: FuzzCase, workdir: string): Outcome {
  const dir = join(workdir, `bin-${c.index}`);
  for (const [rel, content] of Object.entries(c.files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  const args = c.args(dir);
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO,
    env: { ...process.env, FERPA_READY_NOW: '2026-11-22T00:00:00Z', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: CASE_MS + 30_000,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status === null) return { index: c.index, kind: c.kind, code: 'hang', problems: [`bin: no exit within ${(CASE_MS + 30_000) / 1000} s`], args };
  const problems = caseProblems({ code: r.status, stdout: r.stdout, stderr: r.stderr });
  if (!problems.length) rmSync(dir, { recursive: true, force: true });
  return { index: c.index, kind: c.kind, code: r.status, problems, args };
}

describe('fuzz: hostile inputs end in exit 0, 1 or 2, never an internal error, a stack trace or a hang', () => {
  it(`seed ${SEED}: up to ${CASES} cases`, { timeout: 60 * 60 * 1000 }, async () => {
    const workdir = mkdtempSync(join(tmpdir(), 'frfuzz-'));
    const started = Date.now();
    const outcomes: Outcome[] = [];
    let next = 0;
    while (next < CASES) {
      const spent = Date.now() - started;
      if (outcomes.length >= MIN_CASES && spent > BUDGET_MS) break;
      const ran = await runWorker(next, Math.max(0, BUDGET_MS - spent), workdir);
      outcomes.push(...ran.outcomes);
      if (ran.next <= next) break;
      next = ran.next;
    }
    const inProcess = outcomes.length;
    // a few cases through the real binary: one of each kind among the first cases
    const viaBin: Outcome[] = [];
    const kinds = new Set<string>();
    for (let i = 0; i < CASES && viaBin.length < BIN_CASES; i++) {
      const c = fuzzCase(SEED, i);
      if (kinds.has(c.kind) && kinds.size < 5) continue;
      kinds.add(c.kind);
      viaBin.push(runBin(c, workdir));
    }
    const all = [...outcomes, ...viaBin];
    const codes = new Map<string, number>();
    const byKind = new Map<string, number>();
    for (const o of all) {
      codes.set(String(o.code), (codes.get(String(o.code)) ?? 0) + 1);
      byKind.set(o.kind, (byKind.get(o.kind) ?? 0) + 1);
    }
    const internal = all.filter((o) => o.problems.some((p) => /internal error/.test(p))).length;
    const stacks = all.filter((o) => o.problems.some((p) => /stack trace|runtime failure/.test(p))).length;
    const hangs = all.filter((o) => o.code === 'hang').length;
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(
      `fuzz seed ${SEED}: ${all.length} cases (${inProcess} in process, ${viaBin.length} via bin/ferpa-ready.js; ${[...byKind].map(([k, v]) => `${k} ${v}`).join(', ')}) in ${seconds} s; ` +
        `exit 0: ${codes.get('0') ?? 0}, exit 1: ${codes.get('1') ?? 0}, exit 2: ${codes.get('2') ?? 0}; ${internal} internal errors, ${stacks} stack traces, ${hangs} hangs`,
    );
    const failed = all.filter((o) => o.problems.length);
    for (const f of failed.slice(0, 10)) console.log(`case ${f.index} (${f.kind}) ${JSON.stringify(f.args)}: ${f.problems.join('; ').slice(0, 1500)}`);
    if (!failed.length) rmSync(workdir, { recursive: true, force: true });
    else console.log(`failing cases kept in ${workdir}; reproduce with FERPA_FUZZ_SEED=${SEED}`);
    expect(inProcess).toBeGreaterThanOrEqual(MIN_CASES);
    expect(new Set(outcomes.map((o) => o.kind)).size, 'every input kind was fuzzed').toBe(5);
    expect(failed.map((f) => `case ${f.index} (${f.kind}): ${f.problems[0]}`)).toEqual([]);
  });
});
