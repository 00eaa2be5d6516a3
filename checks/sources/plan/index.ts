import { InputError } from '../../errors.js';
import { pushAll } from '../../util/push-all.js';
import type { TfRecord, TfSourceResult } from '../terraform/record.js';
import { joinAddress, modulePathText, parseAddress, withInstanceKeys, type ModuleFrame } from './address.js';
import { actionsOf, indexChanges, isDeleteOnly, isForgotten } from './changes.js';
import { ConfigIndex, type ConfigEntry } from './config.js';
import { loadPlanDocument } from './load.js';
import { plannedValues } from './marks.js';
import { providerRecords } from './providers.js';
import { providerRegions, regionFor } from './regions.js';
import { isObject, type Json, type PlanResource, type ResourceChange } from './types.js';
import { moduleResources } from './walk.js';

export interface ReadPlanOptions {
  /** Path shown in records, locations and errors (defaults to `file`). */
  display?: string;
}

/**
 * Read a `terraform show -json` plan into Terraform records: planned values with unknowns marked and
 * secrets dropped, references from the configuration resolved to absolute resource addresses, plan
 * actions, provider region. Linear in the size of the plan.
 */
export function readPlan(file: string, opts: ReadPlanOptions = {}): TfSourceResult {
  const display = opts.display ?? file;
  const doc = loadPlanDocument(file, display);
  const notes: string[] = [];
  const config = new ConfigIndex(doc);
  if (!config.present) notes.push(`${display}: the plan has no configuration section; references between resources come from known values only`);
  // An errored plan stops where Terraform failed: what it would have planned after that is missing, and it
  // cannot be applied. Judging the part that is there would call a partial stack ready.
  if (doc.errored === true) throw new InputError('Terraform reported errors while planning ("errored": true): the plan is partial and cannot be applied; fix the errors and plan again', display);
  const deferred = Array.isArray(doc.deferred_changes) ? doc.deferred_changes : [];
  if (doc.complete === false || deferred.length) {
    notes.push(`${display}: the plan is not complete: Terraform deferred ${deferred.length} resource change(s); what it could not plan yet is judged unknown`);
  }
  const { regions, declared } = providerRegions(doc);
  const changes = indexChanges(doc.resource_changes);

  const records: TfRecord[] = [];
  const seen = new Set<string>();
  /** Per module path with instance keys: references rewritten for that instance. */
  const keyedRefs = new Map<string, Map<ConfigEntry, Record<string, string[]>>>();

  const add = (res: PlanResource, base: unknown, rc: ResourceChange | undefined, sensitive: Array<Json | undefined>): void => {
    const address = res.address as string;
    seen.add(address);
    const actions = actionsOf(rc);
    if (isDeleteOnly(actions)) return;
    const parsed = parseAddress(address);
    const mode: 'managed' | 'data' = res.mode === 'data' || parsed.rest[0]?.name === 'data' ? 'data' : 'managed';
    const tail = mode === 'data' && parsed.rest[0]?.name === 'data' ? parsed.rest.slice(1) : parsed.rest;
    const type = typeof res.type === 'string' ? res.type : (tail[0]?.name ?? '');
    const name = typeof res.name === 'string' ? res.name : (tail[1]?.name ?? '');
    if (!type || !name) return;
    const modulePath = modulePathText(parsed.modules);
    const entry = config.get(joinAddress(modulePathText(parsed.modules, false), `${mode === 'data' ? 'data.' : ''}${type}.${name}`));
    const rec: TfRecord = {
      address,
      mode,
      type,
      name,
      modulePath,
      values: plannedValues(base, rc?.change?.after_unknown, sensitive),
      references: entry ? referencesFor(entry, modulePath, parsed.modules, keyedRefs) : {},
      loc: { file: display, address },
      input: display,
      source: 'plan',
    };
    if (typeof res.index === 'string' || typeof res.index === 'number') rec.index = res.index;
    if (entry) {
      rec.configured = entry.configured;
      rec.literals = entry.constants;
    }
    if (actions) rec.actions = actions;
    const region = regionFor(regions, declared, entry?.providerKey, type);
    if (region) rec.region = region;
    records.push(rec);
  };

  for (const res of moduleResources(doc.planned_values?.root_module)) {
    if (typeof res.address !== 'string' || seen.has(res.address)) continue;
    const rc = changes.get(res.address);
    add(res, res.values, rc, [rc?.change?.after_sensitive, res.sensitive_values]);
  }
  // Some Terraform versions list a resource in resource_changes only.
  const forgotten: string[] = [];
  for (const rc of changes.values()) {
    if (seen.has(rc.address as string)) continue;
    const after = rc.change?.after;
    if (!isObject(after)) {
      seen.add(rc.address as string);
      if (isForgotten(actionsOf(rc))) pushAll(forgotten, forget(rc, add, records));
      continue;
    }
    add(rc, after, rc, [rc.change?.after_sensitive]);
  }
  if (forgotten.length) {
    const shown = forgotten.slice(0, 5).join(', ') + (forgotten.length > 5 ? `, and ${forgotten.length - 5} more` : '');
    notes.push(`${display}: the plan stops managing ${forgotten.length} resource(s) without destroying them (removed blocks with destroy = false): they stay in the account, unjudged by this plan; audit them where they are managed now, or live: ${shown}`);
  }
  // Deferred resources: judged with what the plan shows of them, the rest unknown (TfRecord.deferred).
  for (const d of deferred) {
    const rc: ResourceChange | undefined = isObject(d) && isObject(d.resource_change) ? d.resource_change : undefined;
    if (!rc || typeof rc.address !== 'string' || seen.has(rc.address)) continue;
    const after = rc.change?.after;
    const start = records.length;
    add(rc, isObject(after) ? after : {}, rc, [rc.change?.after_sensitive]);
    for (let i = start; i < records.length; i++) records[i]!.deferred = typeof d.reason === 'string' ? d.reason : 'deferred';
  }
  // Data sources read during planning live in prior_state (values known).
  for (const res of moduleResources(doc.prior_state?.values?.root_module)) {
    if (typeof res.address !== 'string' || seen.has(res.address) || res.mode !== 'data') continue;
    add(res, res.values, undefined, [res.sensitive_values]);
  }
  return { records, providers: providerRecords(doc, display), notes, regions };
}

/**
 * A forgotten resource as a record of its prior state (flagged, so it is accounted for and never judged);
 * the addresses it adds.
 */
function forget(rc: ResourceChange, add: (res: PlanResource, base: unknown, rc: ResourceChange | undefined, sensitive: Array<Json | undefined>) => void, records: TfRecord[]): string[] {
  const before = rc.change?.before;
  const start = records.length;
  add(rc, isObject(before) ? before : {}, undefined, [rc.change?.before_sensitive]);
  const added = records.slice(start).filter((r) => r.mode === 'managed');
  for (const r of added) r.forgotten = true;
  return added.map((r) => r.address);
}

/**
 * The configuration's references for one instance. In a module instance with a key
 * (`module.db[0]`), references into the same instance get that key; computed once per instance path.
 */
function referencesFor(
  entry: ConfigEntry,
  modulePath: string,
  frames: ModuleFrame[],
  cache: Map<string, Map<ConfigEntry, Record<string, string[]>>>,
): Record<string, string[]> {
  if (!frames.some((f) => f.key !== undefined)) return entry.references;
  let perEntry = cache.get(modulePath);
  if (!perEntry) cache.set(modulePath, (perEntry = new Map()));
  let refs = perEntry.get(entry);
  if (!refs) {
    refs = {};
    for (const [path, addrs] of Object.entries(entry.references)) refs[path] = [...new Set(addrs.map((a) => withInstanceKeys(a, frames)))];
    perEntry.set(entry, refs);
  }
  return refs;
}
