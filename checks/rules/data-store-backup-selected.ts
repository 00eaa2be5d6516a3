import { defineCheck, type Observed } from '../engine/code-check.js';
import type { Model } from '../model/model.js';
import type { Resource } from '../model/resource.js';
import { isUnknown } from '../model/value.js';
import { dependsOnOptIn, namesResourceType, optInNameOf, optInState } from './lib/backup-opt-in.js';

/**
 * Over the data-store inventory (`aws.data-store`): an AWS Backup selection of the same input covers the
 * store. A selection covers it when its `resources` link (Terraform reference or literal ARN) reaches the
 * store, a literal ARN pattern (`*` wildcards) matches the store's ARN, or a `selection_tag` matches its
 * tags; and its conditions hold and no `not_resources` pattern excludes it. A match by tag or by a wildcard
 * naming no resource type, and any match of an Aurora, DocumentDB or Neptune cluster, counts only where the
 * region opts in to the store's type (lib/backup-opt-in): off is a fail, not said by the input unknown, not
 * readable an error. A selection of another region than the store's (both known) protects nothing there: a
 * backup plan backs up only resources of its own region. A selection whose list is known only after apply
 * without references explaining it leaves an uncovered store unknown; a live plan whose selections could not
 * be read (moto lacks ListBackupSelections) makes it an error.
 */
export const codeCheck = defineCheck({
  name: 'data-store-backup-selected',
  description: 'An AWS Backup selection covers the data store.',
  kinds: ['aws.data-store'],
  messages: {
    selected: '{type} is selected by backup selection {selection} ({how})',
    notSelected: '{type} is in no AWS Backup selection ({count} selection(s) in this input)',
    selectionUnknown: 'backup selection {selection} selects resources known only after apply',
    tagsUnknown: 'tags known only after apply, and no selection names this store',
    readError: 'the backup selections of plan {plan} could not be read',
    notOptedIn: 'backup selection {selection} matches {type} ({how}), but the region does not opt in to {optIn} in AWS Backup, so no backup of it is taken',
    optInUnknown: 'backup selection {selection} matches {type} ({how}); AWS Backup protects it only if the region opts in to {optIn}, which this input does not say (aws_backup_region_settings)',
    otherRegion: 'backup selection {selection} is in {selectionRegion} and this {type} in {region}: a backup plan protects only resources of its own region',
    optInReadError: "the region's AWS Backup resource-type opt-in could not be read; backup selection {selection} protects {type} only if it opts in to {optIn}",
  },
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate(store, ctx) {
    const type = String(store.attrs.type?.value ?? store.sourceType ?? store.kind);
    const sameInput = (kind: string) => ofSource(ctx.model, kind, store.source);
    const selections = sameInput('aws.backup.selection');
    const tags = store.attrs.tags;
    const tagsKnown = !tags?.error && tags?.origin !== 'unknown' && !isUnknown(tags?.value);
    const tagMap = tagsKnown ? tagsOf(tags?.value) : undefined;
    const optIn = optInNameOf(type, store.attrs.engine?.value);
    type Undecided = { id: 'selectionUnknown'; data: { selection: string } } | { id: 'tagsUnknown' } | { id: 'optInUnknown'; data: { selection: string; type: string; how: string; optIn: string } };
    let undecided: Undecided | undefined;
    let optedOut: { selection: string; how: string; loc: Observed['loc'] } | undefined;
    let optInError: { selection: string; error: string; loc: Observed['loc'] } | undefined;
    let otherRegion: { selection: string; region: string } | undefined;
    for (const sel of selections) {
      const name = sel.address ?? sel.arn ?? sel.id;
      const m = matchSelection(sel, store, tagMap);
      // A backup plan protects only resources of its own region: a match across regions takes no backup.
      if (m.verdict !== 'no' && sel.region && store.region && store.region !== 'global' && sel.region !== store.region) {
        otherRegion ??= { selection: name, region: sel.region };
        continue;
      }
      if (m.verdict === 'yes') {
        const evidence: Observed[] = [{ path: 'backupSelection', value: name, loc: sel.loc }];
        if (!dependsOnOptIn(optIn, m.explicit)) return { truth: 'true', evidence, loc: store.loc, message: { id: 'selected', data: { type, selection: name, how: m.how } } };
        const state = optInState(sameInput('aws.account'), store, optIn);
        if (state.state === 'on') {
          if (state.loc) evidence.push({ path: `backupRegionSettings.optIn.${optIn}`, value: true, loc: state.loc });
          return { truth: 'true', evidence, loc: store.loc, message: { id: 'selected', data: { type, selection: name, how: m.how } } };
        }
        if (state.state === 'off') optedOut ??= { selection: name, how: m.how, loc: state.loc };
        else if (state.state === 'error') optInError ??= { selection: name, error: state.error, loc: state.loc };
        else undecided ??= { id: 'optInUnknown', data: { selection: name, type, how: m.how, optIn: optIn ?? type } };
        continue;
      }
      if (m.verdict === 'maybe') undecided ??= m.why === 'tags' ? { id: 'tagsUnknown' } : { id: 'selectionUnknown', data: { selection: name } };
    }
    for (const plan of sameInput('aws.backup.plan')) {
      const read = plan.attrs.selectionNames;
      if (read?.error) return { truth: 'error', evidence: [{ path: 'backupSelections', value: null, loc: read.loc }], error: read.error, loc: read.loc, message: { id: 'readError', data: { plan: plan.arn ?? plan.id } } };
    }
    const evidence: Observed[] = [{ path: 'backupSelections', value: selections.map((s) => s.address ?? s.arn ?? s.id), loc: store.loc }];
    if (optInError) {
      const data = { selection: optInError.selection, type, optIn: optIn ?? type };
      return { truth: 'error', evidence: [...evidence, { path: 'backupRegionSettings', value: null, loc: optInError.loc }], error: optInError.error, loc: store.loc, message: { id: 'optInReadError', data } };
    }
    if (undecided) return { truth: 'unknown', evidence, loc: store.loc, message: undecided };
    if (otherRegion) return { truth: 'false', evidence, loc: store.loc, message: { id: 'otherRegion', data: { selection: otherRegion.selection, type, selectionRegion: otherRegion.region, region: store.region ?? '' } } };
    if (optedOut) {
      const data = { selection: optedOut.selection, type, how: optedOut.how, optIn: optIn ?? type };
      return { truth: 'false', evidence: [...evidence, { path: `backupRegionSettings.optIn.${optIn ?? type}`, value: false, loc: optedOut.loc }], loc: store.loc, message: { id: 'notOptedIn', data } };
    }
    return { truth: 'false', evidence, loc: store.loc, message: { id: 'notSelected', data: { type, count: selections.length } } };
  },
});

/** The resources of a kind from one source, grouped once per model (every store of an input reads the same lists). */
const bySource = new WeakMap<Model, Map<string, Resource[]>>();
function ofSource(model: Model, kind: string, source: string): Resource[] {
  let groups = bySource.get(model);
  if (!groups) bySource.set(model, (groups = new Map()));
  const key = `${kind}|${source}`;
  let list = groups.get(key);
  if (!list) groups.set(key, (list = model.ofKind(kind).filter((x) => x.source === source)));
  return list;
}

type Match = { verdict: 'yes'; how: string; explicit: boolean } | { verdict: 'no' } | { verdict: 'maybe'; why: 'resources' | 'tags' };

function matchSelection(sel: Resource, store: Resource, tags: Record<string, unknown> | undefined): Match {
  const selected = selectedBy(sel, store, tags);
  if (selected.verdict !== 'yes') return selected;
  const conditions = listOf(sel.attrs.conditions?.value) as Array<{ op?: string; key?: string; value?: unknown }>;
  if (sel.attrs.conditions?.origin === 'unknown' || conditions.some((c) => isUnknown(c?.value))) return { verdict: 'maybe', why: 'resources' };
  if (conditions.length && !tags) return { verdict: 'maybe', why: 'tags' };
  for (const c of conditions) if (!conditionHolds(c, tags ?? {})) return { verdict: 'no' };
  if (sel.attrs.notResources?.origin === 'unknown') return { verdict: 'maybe', why: 'resources' };
  const arn = store.arn;
  if (arn && strings(sel.attrs.notResources?.value).some((p) => globMatch(p, arn))) return { verdict: 'no' };
  return selected;
}

function selectedBy(sel: Resource, store: Resource, tags: Record<string, unknown> | undefined): Match {
  // A match that names the store's type (a reference, an ARN) is preferred to one by tag or service-wide
  // wildcard, which protects the store only where its type is opted in.
  const linked = sel.links.resources ?? [];
  if (linked.includes(store.id) || (typeof store.address === 'string' && linked.includes(store.address))) return { verdict: 'yes', how: 'resources', explicit: true };
  const arn = store.arn;
  const resources = sel.attrs.resources;
  const patterns = strings(resources?.value);
  const hits = arn ? patterns.filter((p) => globMatch(p, arn)) : [];
  const typed = hits.find(namesResourceType);
  if (typed) return { verdict: 'yes', how: `resources ${typed}`, explicit: true };
  if (hits.length) return { verdict: 'yes', how: `resources ${hits[0]}`, explicit: false };
  if (patterns.includes('*')) return { verdict: 'yes', how: 'resources = *', explicit: false };
  let maybe: Match = { verdict: 'no' };
  // Elements known only after apply are explained by the references the link resolved; any left over may be this store.
  // A list unknown as a whole is explained when its references resolved to resources (a reference-only list).
  const wholeUnknown = resources?.origin === 'unknown' || isUnknown(resources?.value);
  const unknownElements = wholeUnknown ? (linked.length ? 0 : 1) : listOf(resources?.value).filter((v) => isUnknown(v)).length;
  if (unknownElements > linked.length || (!arn && patterns.some((p) => p.includes('*')))) maybe = { verdict: 'maybe', why: 'resources' };
  if (sel.attrs.selectionTags?.origin === 'unknown') maybe = { verdict: 'maybe', why: 'resources' };
  for (const t of listOf(sel.attrs.selectionTags?.value) as Array<{ type?: string; key?: string; value?: unknown }>) {
    if (!t || typeof t.key !== 'string') continue;
    if (isUnknown(t.value)) maybe = { verdict: 'maybe', why: 'resources' };
    else if (!tags) maybe = maybe.verdict === 'no' ? { verdict: 'maybe', why: 'tags' } : maybe;
    else if (String(t.type ?? 'STRINGEQUALS').toUpperCase() === 'STRINGEQUALS' && tags[t.key] === t.value) return { verdict: 'yes', how: `selection_tag ${t.key} = ${String(t.value)}`, explicit: false };
  }
  return maybe;
}

function conditionHolds(c: { op?: string; key?: string; value?: unknown }, tags: Record<string, unknown>): boolean {
  const actual = typeof c.key === 'string' ? tags[c.key] : undefined;
  const want = String(c.value ?? '');
  const like = typeof actual === 'string' && globMatch(want, actual);
  switch (c.op) {
    case 'equals':
      return actual === want;
    case 'like':
      return like;
    case 'notEquals':
      return actual !== want;
    case 'notLike':
      return !like;
    default:
      return false;
  }
}

/** AWS Backup patterns: `*` matches any run of characters. */
function globMatch(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(value);
}

function listOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function strings(v: unknown): string[] {
  return listOf(v).filter((x): x is string => typeof x === 'string');
}

/** Tags as `{ key: value }` from the shapes inputs give them (`{ k: v }` or `[{ Key, Value }]`). */
function tagsOf(raw: unknown): Record<string, unknown> {
  if (Array.isArray(raw)) return Object.fromEntries(raw.filter((t) => t && typeof t === 'object').map((t) => [(t as { Key?: unknown }).Key ?? (t as { key?: unknown }).key, (t as { Value?: unknown }).Value ?? (t as { value?: unknown }).value]));
  return raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
}
