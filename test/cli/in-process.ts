import { main } from '../../checks/cli/main.js';
import type { CliResult } from './run.js';

/**
 * Run the CLI's entry (`main`, what bin/ferpa-ready.js calls) in this process, with stdout and stderr
 * captured: the same code as a user's run minus Node's start-up, for suites that run hundreds of
 * cases. A throw out of main (it must return an exit code instead) is reported as code -2 with the
 * stack on stderr, so a caller's "no stack trace" assertion catches it.
 */
export async function runMain(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const capture =
    (sink: string[]) =>
    (chunk: unknown, ...rest: unknown[]): boolean => {
      sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      cb?.();
      return true;
    };
  const saved = { out: process.stdout.write, err: process.stderr.write };
  const savedEnv: Record<string, string | undefined> = {};
  const fullEnv: Record<string, string> = { FERPA_READY_NOW: '2026-11-22T00:00:00Z', NO_COLOR: '1', ...env };
  for (const [k, v] of Object.entries(fullEnv)) {
    savedEnv[k] = process.env[k];
    process.env[k] = v;
  }
  process.stdout.write = capture(out) as typeof process.stdout.write;
  process.stderr.write = capture(err) as typeof process.stderr.write;
  let code: number;
  try {
    code = await main(args);
  } catch (e) {
    err.push(`main threw: ${(e as Error)?.stack ?? String(e)}\n`);
    code = -2;
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}
