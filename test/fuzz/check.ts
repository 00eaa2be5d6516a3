import type { CliResult } from '../cli/run.js';

/**
 * What every fuzz case must show, whatever the input: an exit code of the contract (0, 1, 2), no
 * internal error, no stack trace (JavaScript's or the Go parser runtime's), and for exit 2 exactly one
 * `ferpa-ready:` line (warnings aside).
 */
export function caseProblems(r: CliResult): string[] {
  const problems: string[] = [];
  if (![0, 1, 2].includes(r.code)) problems.push(`exit code ${r.code}`);
  if (/internal error/.test(r.stderr)) problems.push(`internal error: ${firstLine(r.stderr, /internal error.*/)}`);
  if (/^\s+at .+[:(]\d+:\d+\)?$/m.test(r.stderr) || /main threw/.test(r.stderr)) problems.push('stack trace on stderr');
  if (/goroutine \d+|fatal error:|Maximum call stack/.test(r.stderr)) problems.push(`runtime failure: ${firstLine(r.stderr, /goroutine.*|fatal error.*|Maximum call stack.*/)}`);
  if (r.code === 2) {
    const lines = r.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('warning: '));
    const own = lines.filter((l) => l.startsWith('ferpa-ready: '));
    if (own.length !== 1 || lines.length !== 1) problems.push(`exit 2 with ${lines.length} line(s) on stderr: ${lines.slice(0, 3).join(' | ').slice(0, 300)}`);
  }
  return problems;
}

function firstLine(s: string, re: RegExp): string {
  return (re.exec(s)?.[0] ?? '').slice(0, 200);
}
