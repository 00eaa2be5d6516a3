import { cmp, countByStatus } from '../engine/order.js';
import type { Results, Status } from '../engine/types.js';
import type { Manifest, RunStore } from './types.js';

/** One point of the trend the report draws: a run, its time and its counts by status. */
export interface TrendPoint {
  id: string;
  seq: number;
  time: string;
  counts: Record<Status, number>;
}

/** Trend points from stored manifests (oldest first), the last `last` of them. */
export function trendPoints(manifests: Array<Pick<Manifest, 'id' | 'seq' | 'time' | 'summary'>>, last = 10): TrendPoint[] {
  const sorted = [...manifests].sort((a, b) => a.seq - b.seq);
  return sorted.slice(Math.max(0, sorted.length - Math.max(0, last))).map((m) => ({ id: m.id, seq: m.seq, time: m.time, counts: { ...m.summary } }));
}

/** Trend points from results documents (for a report given several results files), oldest first. */
export function trendFromResults(runs: Array<{ id: string; results: Pick<Results, 'generatedAt' | 'findings'> }>, last = 10): TrendPoint[] {
  const points = runs.map((r, i) => {
    return { id: r.id, seq: i + 1, time: r.results.generatedAt, counts: countByStatus(r.results.findings) };
  });
  points.sort((a, b) => cmp(a.time, b.time) || a.seq - b.seq);
  return points.slice(Math.max(0, points.length - Math.max(0, last)));
}

/** The trend of a store's last `last` complete runs. */
export async function loadTrend(store: RunStore, last = 10): Promise<TrendPoint[]> {
  const { runs } = await store.list();
  return trendPoints(runs.map((r) => r.manifest), last);
}
