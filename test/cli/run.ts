import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const REPO = join(__dirname, '../..');
export const BIN = join(REPO, 'bin/ferpa-ready.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the real CLI in a child process (what a user runs after `npm ci`). */
export function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? REPO,
    env: { ...process.env, FERPA_READY_NOW: '2026-11-22T00:00:00Z', NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
