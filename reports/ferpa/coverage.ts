// The coverage part of the readiness report's scope: every resource of the scanned inputs accounted for,
// merged over the results documents (the newest document wins for an input scanned more than once).
import { COVERAGE_REASON_TEXT, type Coverage, type CoverageCounts, type InputCoverage, type Results } from '../../checks/engine/types.js';
import { cmp } from '../common.js';
import { coverageLine, dataStoreLine, notEvaluatedByType, reasonText } from '../coverage.js';

export interface ReportCoverageInput extends CoverageCounts {
  input: string;
  source: string;
  /** The results file that reported it. */
  results: string;
  line: string;
}

export interface ReportCoverage extends CoverageCounts {
  /** "312 resources: 280 evaluated, 32 of 9 types not evaluated (...)". */
  line: string;
  /** "4 of 40 not evaluated by any policy, ..." (null when no data store was scanned). */
  dataStoreLine: string | null;
  inputs: ReportCoverageInput[];
  notEvaluatedTypes: Array<{ type: string; count: number; why: string; dataStore: string | null }>;
  /** Every data store no policy evaluated (bounded by the data stores of the inputs). */
  unevaluatedDataStores: Array<{ input: string; resource: string; type: string; dataStore: string; why: string; location: string }>;
  /** Results files without a coverage section (written before coverage existed): their resources are not accounted for. */
  missing: string[];
}

const COUNT_KEYS = ['total', 'evaluated', 'notEvaluated', 'dataStores', 'dataStoresNotEvaluated', 'dataStoresUnclassified'] as const;

/** Coverage over the results documents, or null when none of them carries a coverage section. */
export function reportCoverage(inputs: Array<{ results: Results; path: string }>): ReportCoverage | null {
  const byInput = new Map<string, { c: InputCoverage; from: string }>();
  const order = inputs.map((inp, i) => ({ inp, i })).sort((a, b) => cmp(a.inp.results.generatedAt, b.inp.results.generatedAt) || a.i - b.i);
  const missing: string[] = [];
  for (const { inp } of order) {
    if (!inp.results.coverage) {
      missing.push(inp.path);
      continue;
    }
    for (const c of inp.results.coverage.inputs) byInput.set(`${c.source}|${c.input}`, { c, from: inp.path });
  }
  if (!byInput.size && !order.some(({ inp }) => inp.results.coverage)) return null;
  const merged = [...byInput.values()].sort((a, b) => cmp(a.c.input, b.c.input) || cmp(a.c.source, b.c.source));
  const totals: Coverage = { total: 0, evaluated: 0, notEvaluated: 0, dataStores: 0, dataStoresNotEvaluated: 0, dataStoresUnclassified: 0, inputs: merged.map((m) => m.c) };
  for (const { c } of merged) for (const k of COUNT_KEYS) totals[k] += c[k];
  const unevaluated: ReportCoverage['unevaluatedDataStores'] = [];
  for (const { c } of merged) {
    for (const r of c.resources) {
      if (!r.dataStore || r.policies > 0) continue;
      const location = r.file ? (r.line ? `${r.file}:${r.line}` : r.file) : '';
      unevaluated.push({ input: c.input, resource: r.resource, type: r.type, dataStore: r.dataStore, why: r.reason ? COVERAGE_REASON_TEXT[r.reason] : '', location });
    }
  }
  return {
    ...Object.fromEntries(COUNT_KEYS.map((k) => [k, totals[k]])) as unknown as CoverageCounts,
    line: coverageLine(totals),
    dataStoreLine: dataStoreLine(totals),
    inputs: merged.map(({ c, from }) => ({ input: c.input, source: c.source, results: from, ...Object.fromEntries(COUNT_KEYS.map((k) => [k, c[k]])) as unknown as CoverageCounts, line: coverageLine({ ...c, inputs: [c] }) })),
    notEvaluatedTypes: notEvaluatedByType(totals).map((t) => ({ type: t.type, count: t.count, why: reasonText(t.reasons), dataStore: t.dataStore ?? null })),
    unevaluatedDataStores: unevaluated,
    missing: missing.sort(cmp),
  };
}
