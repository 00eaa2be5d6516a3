/**
 * FERPA_READY_TIMING: where a run spent its time, printed on stderr when the command ends (like
 * ESLint's TIMING). `1` lists the 10 slowest policies, a number N lists N. Phases are wall time;
 * a policy's time is its evaluation and the making of its findings. Off (the default), each hook is
 * one branch.
 */

interface PolicyTime {
  ms: number;
  findings: number;
}

const phases = new Map<string, number>();
const policies = new Map<string, PolicyTime>();

function topCount(env = process.env.FERPA_READY_TIMING): number | undefined {
  if (env === undefined || env === '' || env === '0') return undefined;
  const n = Number(env);
  return Number.isInteger(n) && n > 1 ? n : 10;
}

export const timingOn = topCount() !== undefined;

/** Run `fn`, adding its wall time to `phase` when timing is on. */
export function timed<T>(phase: string, fn: () => T): T {
  if (!timingOn) return fn();
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    phases.set(phase, (phases.get(phase) ?? 0) + performance.now() - t0);
  }
}

/** `timed` for an async step. */
export async function timedAsync<T>(phase: string, fn: () => Promise<T>): Promise<T> {
  if (!timingOn) return fn();
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    phases.set(phase, (phases.get(phase) ?? 0) + performance.now() - t0);
  }
}

/** Add one policy's evaluation time and finding count (the caller measures only when timingOn). */
export function addPolicyTime(id: string, ms: number, findings: number): void {
  const t = policies.get(id);
  if (t) {
    t.ms += ms;
    t.findings += findings;
  } else policies.set(id, { ms, findings });
}

const pct = (part: number, whole: number): string => `${whole > 0 ? ((100 * part) / whole).toFixed(1) : '0.0'}%`.padStart(6);
const ms = (x: number): string => `${x.toFixed(1)} ms`.padStart(11);

/**
 * The report: the run's wall time since the process started, each phase with its share, the rest
 * (start-up, loading the catalog, sorting, waivers), and the slowest policies with their share of the
 * evaluation and the microseconds per finding they made.
 */
export function timingReport(totalMs: number, top = topCount() ?? 10): string {
  const lines = [`timing: ${totalMs.toFixed(1)} ms since the process started`];
  let phased = 0;
  for (const [name, t] of phases) {
    phased += t;
    lines.push(`  ${ms(t)} ${pct(t, totalMs)}  ${name}`);
  }
  lines.push(`  ${ms(Math.max(0, totalMs - phased))} ${pct(Math.max(0, totalMs - phased), totalMs)}  the rest (start-up, catalog, sorting, waivers)`);
  if (policies.size) {
    const evaluated = [...policies.values()].reduce((s, p) => s + p.ms, 0);
    const slowest = [...policies].sort((a, b) => b[1].ms - a[1].ms || (a[0] < b[0] ? -1 : 1)).slice(0, top);
    lines.push(`  slowest ${slowest.length} of the ${policies.size} policies that had resources to judge (share of ${evaluated.toFixed(1)} ms of evaluation; µs per finding):`);
    for (const [id, p] of slowest) lines.push(`  ${ms(p.ms)} ${pct(p.ms, evaluated)}  ${id} (${p.findings} findings${p.findings ? `, ${((1000 * p.ms) / p.findings).toFixed(1)} µs each` : ''})`);
  }
  return `${lines.join('\n')}\n`;
}

/** Print the report on stderr when timing is on (the CLI calls this once a command has ended). */
export function printTiming(): void {
  if (timingOn && (phases.size || policies.size)) process.stderr.write(timingReport(performance.now()));
}
