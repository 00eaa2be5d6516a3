// Runs the real CLI (bin/ferpa-ready.js, as a user would) and measures it from outside: wall time,
// plus peak memory and CPU time reported by the process itself on exit.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

export interface CliFigures {
  wallMs: number;
  maxRssMb: number;
  cpuMs: number;
  status: number;
  /** Whether the compiled dist/ ran (false: the TypeScript sources through tsx). */
  compiled: boolean;
}

export async function runCli(args: string[], opts: { timeoutMs?: number; cwd?: string } = {}): Promise<CliFigures> {
  return runNode([join(ROOT, 'bin/ferpa-ready.js'), ...args], opts);
}

/** Any node process measured the same way (`node <args>`: a script and its arguments, or `-e code`). */
export async function runNode(args: string[], opts: { timeoutMs?: number; cwd?: string } = {}): Promise<CliFigures> {
  const { distIsCurrent } = (await import(join(ROOT, 'bin/compiled.js'))) as { distIsCurrent(): boolean };
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'bench/exit-figures.mjs'), ...args], {
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, FERPA_READY_NOW: '2026-11-22T00:00:00Z' },
    ...(opts.timeoutMs ? { timeout: opts.timeoutMs, killSignal: 'SIGKILL' as const } : {}),
  });
  const wallMs = performance.now() - t0;
  if (r.signal) throw new Error(`${args.slice(0, 2).join(' ')} killed by ${r.signal} after ${(wallMs / 1000).toFixed(0)} s`);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.slice(0, 2).join(' ')} exited ${r.status}: ${r.stderr.split('\n')[0]}`);
  const line = r.stderr.split('\n').find((l) => l.startsWith('BENCH '));
  const figures = line ? (JSON.parse(line.slice(6)) as { maxRssMb: number; cpuMs: number }) : { maxRssMb: NaN, cpuMs: NaN };
  return { wallMs, ...figures, status: r.status, compiled: distIsCurrent() };
}
