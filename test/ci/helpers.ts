// Shared helpers of the CI/packaging tests: run the real CLI, find the repo and the shared corpora.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(REPO, 'bin/ferpa-ready.js');
/** A small failing plan: three S3 buckets with high and medium failures. */
export const FAIL_PLAN = join(REPO, 'fixtures/aws-s3-sse-kms/fail/plan.json');
export const PASS_PLAN = join(REPO, 'fixtures/aws-s3-sse-kms/pass/plan.json');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? REPO,
    env: { ...process.env, FERPA_READY_NOW: '2026-11-22T00:00:00Z', NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
