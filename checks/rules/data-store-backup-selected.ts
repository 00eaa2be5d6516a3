import { defineCheck, type Observed } from '../engine/code-check.js';
import type { Resource } from '../model/resource.js';
import { isUnknown } from '../model/value.js';

/**
 * Over the data-store inventory (`aws.data-store`): an AWS Backup selection of the same input covers the
 * store. A selection covers it when its `resources` link (Terraform reference or literal ARN) reaches the
 * store, a literal ARN pattern (`*` wildcards) matches the store's ARN, or a `selection_tag` matches its
 * tags; and its conditions hold and no `not_resources` pattern excludes it. A selection whose list is
 * known only after apply without references explaining it leaves an uncovered store unknown; a live
 * plan whose selections could not be read (moto lacks ListBackupSelections) makes it an error.
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
  },
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate(store, ctx) {
    const type = String(store.attrs.type?.value ?? store.sourceType ?? store.kind);
    const sameInput = (xs: Resource[]) => xs.filter((x) => x.source === store.source);
    const selections = sameInput(ctx.model.ofKind('aws.backup.selection'));
    const tags = store.attrs.tags;
    const tagsKnown = !tags?.error && tags?.origin !== 'unknown' && !isUnknown(tags?.value);
    const tagMap = tagsKnown ? tagsOf(tags?.value) : undefined;
    let undecided: { id: 'selectionUnknown'; data: { selection: string } } | { id: 'tagsUnknown' } | undefined;
    for (const sel of selections) {
      const name = sel.address ?? sel.arn ?? sel.id;
      const m = matchSelection(sel, store, tagMap);
      if (m.verdict === 'yes') {
        const evidence: Observed[] = [{ path: 'backupSelection', value: name, loc: sel.loc }];
        return { truth: 'true', evidence, loc: store.loc, message: { id: 'selected', data: { type, selection: name, how: m.how } } };
      }
      if (m.verdict === 'maybe') undecided ??= m.why === 'tags' ? { id: 'tagsUnknown' } : { id: 'selectionUnknown', data: { selection: name } };
    }
    for (const plan of sameInput(ctx.model.ofKind('aws.backup.plan'))) {
      const read = plan.attrs.selectionNames;
      if (read?.error) return { truth: 'error', evidence: [{ path: 'backupSelections', value: null, loc: read.loc }], error: read.error, loc: read.loc, message: { id: 'readError', data: { plan: plan.arn ?? plan.id } } };
    }
    const evidence: Observed[] = [{ path: 'backupSelections', value: selections.map((s) => s.address ?? s.arn ?? s.id), loc: store.loc }];
    if (undecided) return { truth: 'unknown', evidence, loc: store.loc, message: undecided };
    return { truth: 'false', evidence, loc: store.loc, message: { id: 'notSelected', data: { type, count: selections.length } } };
  },
});

type Match = { verdict: 'yes'; how: string } | { verdict: 'no' } | { verdict: 'maybe'; why: 'resources' | 'tags' };

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
  const linked = sel.links.resources ?? [];
  if (linked.includes(store.id) || (typeof store.address === 'string' && linked.includes(store.address))) return { verdict: 'yes', how: 'resources' };
  const arn = store.arn;
  const resources = sel.attrs.resources;
  const patterns = strings(resources?.value);
  if (patterns.includes('*')) return { verdict: 'yes', how: 'resources = *' };
  if (arn) {
    const hit = patterns.find((p) => globMatch(p, arn));
    if (hit) return { verdict: 'yes', how: `resources ${hit}` };
  }
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
    else if (String(t.type ?? 'STRINGEQUALS').toUpperCase() === 'STRINGEQUALS' && tags[t.key] === t.value) return { verdict: 'yes', how: `selection_tag ${t.key} = ${String(t.value)}` };
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
