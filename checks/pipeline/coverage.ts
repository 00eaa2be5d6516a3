import { classificationOf, UNCLASSIFIED, type ClassificationOptions } from '../adapters/classification.js';
import type { InventoryEntry } from '../adapters/inventory.js';
import type { DataStores } from '../engine/data-stores.js';
import type { Policy } from '../engine/policy.js';
import type { Coverage, CoverageCounts, CoverageReason, CoverageRow, CoverageTypeCount, Finding, InputCoverage } from '../engine/types.js';
import { DATA_STORE_KIND } from '../model/kinds/inventory.js';
import type { Model } from '../model/model.js';
import type { Resource, SourceKind } from '../model/resource.js';
import { defaulted, known, type Val } from '../model/value.js';

export interface CoverageContext {
  /** The input as listed in the results' `inputs` (root module, plan or snapshot). */
  input: string;
  source: SourceKind;
  /** Policies that ran (after `disable:`), without the inventory policies. */
  ran: Policy[];
  /** Every policy of the catalog (to tell "no policy" from "excluded by configuration"). */
  catalog: Policy[];
  dataStores: DataStores;
  classification: ClassificationOptions;
}

const UNREAD_MODULE_STORE = { category: 'unknown' };

function keyOf(r: { address?: string | null; arn?: string | null; id?: string }): string {
  return r.address ?? r.arn ?? r.id ?? '';
}

/** The resources an entry's verdicts land on: itself, or for a split resource the one it was merged into. */
function judgedAs(entry: InventoryEntry, model: Model): { targets: Resource[]; partOf?: string; detached: boolean } {
  const targets: Resource[] = [];
  let partOf: string | undefined;
  let detached = false;
  for (const r of entry.resources) {
    if (!r.mergeInto) {
      targets.push(r);
      continue;
    }
    const to = r.mergedInto ?? r.links[r.mergeInto]?.[0];
    const target = to ? model.get(to) : undefined;
    if (target && !target.mergeInto) {
      targets.push(target);
      partOf ??= keyOf(target);
    } else if (r.keepUnmerged && model.get(r.id) === r) targets.push(r);
    else detached = true;
  }
  return { targets, ...(partOf ? { partOf } : {}), detached: detached && !targets.length };
}

function reasonFor(entry: InventoryEntry, targets: Resource[], detached: boolean, ctx: CoverageContext): CoverageReason {
  if (entry.forgotten) return 'forgotten';
  if (entry.unreadModule) return 'unread';
  if (!entry.modelled || !entry.resources.length) return 'unmodelled';
  if (detached) return 'outside-input';
  const kinds = new Set(targets.map((t) => t.kind));
  const covers = (p: Policy) => kinds.has(p.resource) && p.sources.includes(ctx.source);
  if (ctx.ran.some(covers)) return 'out-of-scope';
  return ctx.catalog.some(covers) ? 'disabled' : 'no-policy';
}

function zeroCounts(): CoverageCounts {
  return { total: 0, evaluated: 0, notEvaluated: 0, dataStores: 0, dataStoresNotEvaluated: 0, dataStoresUnclassified: 0 };
}

function add(into: CoverageCounts, from: CoverageCounts): void {
  for (const k of Object.keys(into) as Array<keyof CoverageCounts>) into[k] += from[k];
}

export interface InputCoverageResult {
  coverage: InputCoverage;
  /** The inventory view: one `aws.data-store` resource per data store of the input. */
  stores: Resource[];
}

/**
 * Account for every resource of one input after the catalog ran over it: how many policies evaluated
 * it (findings of any status), or why none did; and build the data-store inventory the FERPA-GOV-01
 * inventory policies judge. Linear in resources plus findings.
 */
export function inputCoverage(inventory: InventoryEntry[], model: Model, findings: Finding[], ctx: CoverageContext): InputCoverageResult {
  const policiesOn = new Map<string, Set<string>>();
  for (const f of findings) {
    const k = keyOf(f.resource);
    let set = policiesOn.get(k);
    if (!set) policiesOn.set(k, (set = new Set()));
    set.add(f.policyId);
  }
  const counts = zeroCounts();
  const rows: CoverageRow[] = [];
  const groups = new Map<string, CoverageTypeCount>();
  const stores: Resource[] = [];
  for (const entry of inventory) {
    const { targets, partOf, detached } = judgedAs(entry, model);
    const policies = new Set<string>();
    for (const t of targets) for (const p of policiesOn.get(keyOf(t)) ?? []) policies.add(p);
    // a module nobody could read may hold any data store: one stands in for it
    const store = ctx.dataStores.ofType(entry.type) ?? (entry.unreadModule ? UNREAD_MODULE_STORE : undefined);
    const row: CoverageRow = { resource: entry.address ?? entry.arn ?? entry.type, type: entry.type, file: entry.file, line: entry.line, policies: policies.size };
    const kind = targets[0]?.kind;
    if (kind) row.kind = kind;
    if (partOf) row.partOf = partOf;
    if (store) row.dataStore = store.category;
    counts.total++;
    if (policies.size) counts.evaluated++;
    else {
      const reason = reasonFor(entry, targets, detached, ctx);
      row.reason = reason;
      counts.notEvaluated++;
      const gk = `${entry.type}|${reason}`;
      const g = groups.get(gk) ?? { type: entry.type, reason, count: 0, ...(store ? { dataStore: store.category } : {}) };
      g.count++;
      groups.set(gk, g);
    }
    if (store) {
      counts.dataStores++;
      if (!policies.size) counts.dataStoresNotEvaluated++;
      const inv = storeResource(entry, targets[0], row, store.category, ctx);
      const cls = inv.attrs.dataClass!;
      if (cls.origin !== 'unknown' && (cls.value === undefined || cls.value === UNCLASSIFIED)) counts.dataStoresUnclassified++;
      stores.push(inv);
    }
    rows.push(row);
  }
  rows.sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
  const notEvaluatedTypes = [...groups.values()].sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) || (a.reason < b.reason ? -1 : 1));
  return { coverage: { input: ctx.input, source: ctx.source, ...counts, notEvaluatedTypes, resources: rows }, stores };
}

/** The inventory view of one data store: its type, what judged it, its tags and classification. */
function storeResource(entry: InventoryEntry, modelled: Resource | undefined, row: CoverageRow, category: string, ctx: CoverageContext): Resource {
  const address = entry.address ?? entry.arn ?? row.resource;
  const loc = { ...(entry.file !== null ? { file: entry.file } : {}), ...(entry.line !== null ? { line: entry.line } : {}), address };
  const tags: Val = modelled?.attrs.tags ?? entry.tags ?? defaulted({}, loc);
  const dataClass: Val = modelled?.attrs.dataClass ?? classificationOf(tags, ctx.classification.tagKeys, ctx.classification.unclassifiedKinds !== undefined);
  const attrs: Record<string, Val> = {
    type: known(entry.type, loc),
    category: known(category, loc),
    modelKind: row.kind ? known(row.kind, loc) : defaulted(undefined, loc),
    policies: known(row.policies, loc),
    notEvaluated: row.reason ? known(row.reason, loc) : defaulted(undefined, loc),
    engine: modelled?.attrs.engine ?? defaulted(undefined, loc),
    tags,
    dataClass,
  };
  return {
    kind: DATA_STORE_KIND,
    id: address,
    source: entry.source,
    address,
    arn: entry.arn,
    sourceType: entry.type,
    loc,
    ...(entry.account !== undefined ? { account: entry.account } : {}),
    ...(entry.region !== undefined ? { region: entry.region } : {}),
    attrs,
    links: {},
    identifiers: [],
    input: ctx.input,
    ...(entry.readError ? { readError: entry.readError } : {}),
  };
}

/** Totals over every input. */
export function coverageOf(inputs: InputCoverage[]): Coverage {
  const totals = zeroCounts();
  for (const i of inputs) add(totals, i);
  return { ...totals, inputs };
}
