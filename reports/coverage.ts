// Coverage (results `coverage`) as every renderer shows it: pure functions of the results document.
import { COVERAGE_REASON_TEXT, type Coverage, type CoverageReason, type CoverageRow, type InputCoverage } from '../checks/engine/types.js';

function pick<T extends object>(src: T, keys: readonly (keyof T & string)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  return out;
}

const COUNT_KEYS = ['total', 'evaluated', 'notEvaluated', 'dataStores', 'dataStoresNotEvaluated', 'dataStoresUnclassified'] as const;
const ROW_KEYS = ['resource', 'type', 'kind', 'file', 'line', 'policies', 'reason', 'partOf', 'dataStore'] as const;

/** The coverage section in contract key order (rows as the pipeline sorted them). */
export function canonicalCoverage(c: Coverage): Record<string, unknown> {
  return {
    ...pick(c, COUNT_KEYS),
    inputs: c.inputs.map((i) => ({
      input: i.input,
      source: i.source,
      ...pick(i, COUNT_KEYS),
      notEvaluatedTypes: i.notEvaluatedTypes.map((t) => pick(t, ['type', 'reason', 'count', 'dataStore'])),
      resources: i.resources.map((r: CoverageRow) => pick(r, ROW_KEYS)),
    })),
  };
}

export interface TypeCount {
  type: string;
  count: number;
  reasons: CoverageReason[];
  dataStore?: string;
}

/** Not-evaluated resources by type over every input (reasons merged), most first. */
export function notEvaluatedByType(c: Coverage): TypeCount[] {
  const by = new Map<string, TypeCount>();
  for (const i of c.inputs) {
    for (const t of i.notEvaluatedTypes) {
      const e = by.get(t.type) ?? { type: t.type, count: 0, reasons: [], ...(t.dataStore ? { dataStore: t.dataStore } : {}) };
      e.count += t.count;
      if (!e.reasons.includes(t.reason)) e.reasons.push(t.reason);
      by.set(t.type, e);
    }
  }
  return [...by.values()].sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * "312 resources: 280 evaluated, 32 of 9 types not evaluated (aws_dynamodb_table ×3, …)". The types
 * listed are the most frequent `maxTypes`; the line ends with an ellipsis when there are more.
 */
export function coverageLine(c: Pick<Coverage, 'total' | 'evaluated' | 'notEvaluated' | 'inputs'>, maxTypes = 5): string {
  const head = `${plural(c.total, 'resource')}:`;
  if (c.notEvaluated === 0) return `${head} ${c.total === 0 ? 'none to evaluate' : `all ${c.evaluated} evaluated`}`;
  const types = notEvaluatedByType(c as Coverage);
  const shown = types.slice(0, maxTypes).map((t) => `${t.type} ×${t.count}`);
  if (types.length > maxTypes) shown.push('…');
  return `${head} ${c.evaluated} evaluated, ${c.notEvaluated} of ${plural(types.length, 'type')} not evaluated (${shown.join(', ')})`;
}

/**
 * After "Data stores: ": "4 of 40 not evaluated by any policy (1 outside every policy's scope), 2 of
 * 40 without a classification tag", or "all 40 evaluated and classified" (null when there are none).
 */
export function dataStoreLine(c: Pick<Coverage, 'dataStores' | 'dataStoresNotEvaluated' | 'dataStoresUnclassified' | 'inputs'>): string | null {
  const n = c.dataStores;
  if (!n) return null;
  if (!c.dataStoresNotEvaluated && !c.dataStoresUnclassified) return `all ${n} evaluated and classified`;
  let outOfScope = 0;
  for (const i of c.inputs) for (const t of i.notEvaluatedTypes) if (t.dataStore && t.reason === 'out-of-scope') outOfScope += t.count;
  const parts: string[] = [];
  if (c.dataStoresNotEvaluated) parts.push(`${c.dataStoresNotEvaluated} of ${n} not evaluated by any policy${outOfScope ? ` (${outOfScope} outside every policy's scope)` : ''}`);
  else parts.push(`all ${n} evaluated`);
  parts.push(c.dataStoresUnclassified ? `${c.dataStoresUnclassified} of ${n} without a classification tag` : 'all classified');
  return parts.join(', ');
}

/** Why a type was not evaluated, as words. */
export function reasonText(reasons: CoverageReason[]): string {
  return reasons.map((r) => COVERAGE_REASON_TEXT[r]).join('; ');
}

/** Data stores no policy evaluated, with their input (bounded by the data stores of the inputs). */
export function unevaluatedDataStores(c: Coverage): Array<CoverageRow & { input: string }> {
  const out: Array<CoverageRow & { input: string }> = [];
  for (const i of c.inputs) for (const r of i.resources) if (r.dataStore && r.policies === 0) out.push({ ...r, input: i.input });
  return out;
}

/** One line per input, for documents of several inputs. */
export function inputLines(c: Coverage): Array<{ input: InputCoverage; line: string }> {
  return c.inputs.map((i) => ({ input: i, line: coverageLine({ ...i, inputs: [i] }) }));
}
