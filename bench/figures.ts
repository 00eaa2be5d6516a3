// How the bench measures and prints: medians of repeated runs, each figure beside its floor, and
// growth per doubling of the input.
import type { CliFigures } from './cli.js';

/** Runs per measurement (`BENCH_RUNS`, default 3): the median is printed. */
export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 3);

/** The median of plain numbers. */
export const mid = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Run `fn` RUNS times; the median of each figure. */
export async function median(fn: () => Promise<CliFigures>, runs = RUNS): Promise<CliFigures> {
  const rs: CliFigures[] = [];
  for (let i = 0; i < runs; i++) rs.push(await fn());
  return { wallMs: mid(rs.map((r) => r.wallMs)), cpuMs: mid(rs.map((r) => r.cpuMs)), maxRssMb: mid(rs.map((r) => r.maxRssMb)), status: rs[0]!.status, compiled: rs.every((r) => r.compiled) };
}

export const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** `wall 0.52 s, CPU 0.61 s, peak RSS 180 MB` */
export const figures = (r: CliFigures): string => `wall ${secs(r.wallMs)}, CPU ${secs(r.cpuMs)}, peak RSS ${r.maxRssMb.toFixed(0)} MB`;

/** `x6.3` of the floor. */
export const ratio = (x: number, floor: number): string => `x${(x / floor).toFixed(1)}`;

/** A figure beside its floor: `wall 0.52 s (x6.3 floor), CPU ... (x...), peak RSS ... (x...)`. */
export const againstFloor = (r: CliFigures, floor: CliFigures): string =>
  `wall ${secs(r.wallMs)} (${ratio(r.wallMs, floor.wallMs)}), CPU ${secs(r.cpuMs)} (${ratio(r.cpuMs, floor.cpuMs)}), peak RSS ${r.maxRssMb.toFixed(0)} MB (${ratio(r.maxRssMb, floor.maxRssMb)})`;

/** The factor per doubling of the input for growth from `a` to `b` over inputs of sizes `sa` to `sb` (linear: 2). */
export function perDoubling(a: number, b: number, sa: number, sb: number): number {
  return (b / a) ** (1 / Math.log2(sb / sa));
}

/** `growth per doubling: wall x1.84, CPU x1.90, peak RSS x1.30 (linear x2.00)` over consecutive sizes. */
export function growthLine(rows: Array<{ size: number; r: CliFigures }>): string {
  const [a, b] = [rows[0]!, rows[rows.length - 1]!];
  const f = (x: number, y: number): string => `x${perDoubling(x, y, a.size, b.size).toFixed(2)}`;
  return `growth per doubling of the input (${a.size.toLocaleString('en-US')} -> ${b.size.toLocaleString('en-US')}): wall ${f(a.r.wallMs, b.r.wallMs)}, CPU ${f(a.r.cpuMs, b.r.cpuMs)}, peak RSS ${f(a.r.maxRssMb, b.r.maxRssMb)} (linear x2.00; start-up and the catalog are a fixed part)`;
}

export const stale = (r: CliFigures): string => (r.compiled ? '' : ' (dist/ stale: ran the sources through tsx; npm run build)');
