/**
 * Mutation proof of the policy catalog (`npm run mutate`): every policy must catch at least one
 * realistic mistake made to the reference stack.
 *
 * Reads reference-stack/mutations.yaml. For each mutation: copy reference-stack/terraform to a
 * temporary folder, apply the mutation's edits, scan the mutated environment with the full catalog
 * and compare with the scan of the unmutated copy. The mutation is *caught* when its policy newly
 * fails; any other policy that newly fails must be declared in `alsoFails`, otherwise the mutation
 * is *imprecise*. Prints one line per policy of the catalog and ends with `proven N, unproven M`.
 *
 * Usage: node --import tsx scripts/mutate.ts [--only id,id] [--mutations file]
 * Exit code: 0 when every policy is proven and every mutation is caught and precise, else 1.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../checks/errors.js';
import { loadCatalog, type Catalog } from '../checks/pipeline/catalog.js';
import { loadConfig, type Config } from '../checks/engine/config.js';
import { scanPaths } from '../checks/pipeline/scan.js';
import { readLiveFixture } from '../checks/authoring/live-fixture.js';
import { serializeSnapshot } from '../checks/sources/live/index.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const STACK_DIR = join(REPO_ROOT, 'reference-stack', 'terraform');
export const MUTATIONS_FILE = join(REPO_ROOT, 'reference-stack', 'mutations.yaml');
/** The reference account as a live audit reads it (compact snapshots): what Terraform cannot hold (the root user, IAM credentials). */
export const LIVE_DIR = join(REPO_ROOT, 'reference-stack', 'live');
export const ENVIRONMENTS = ['production', 'mvp', 'patriot'] as const;
export type Env = (typeof ENVIRONMENTS)[number];

/** One change to one file of the stack. */
export type Edit =
  | { kind: 'replace'; file: string; find: string; replace: string }
  | { kind: 'deleteBlock'; file: string; header: string }
  | { kind: 'append'; file: string; text: string };

export interface Mutation {
  id: string;
  policy: string;
  description: string;
  env: Env;
  edits: Edit[];
  alsoFails: string[];
  /** Profile values that hold for this mutation's scans (baseline and mutated alike), e.g. a DPA's shorter dispositionDays. */
  profile?: Record<string, unknown>;
  /** The status the policy must newly give: `fail` (default), or `unknown` for a policy whose gap is an unknown that gates (aws-data-store-evaluated). */
  status?: 'fail' | 'unknown';
  /**
   * A live mutation: the compact snapshot (a file under reference-stack/live) that is edited and audited
   * instead of the Terraform stack, for live-only policies (the root user, IAM credential ages).
   */
  live?: string;
}

export interface MutationResult {
  mutation: Mutation;
  /** The mutation's policy newly fails. */
  caught: boolean;
  /** Policies (other than the target) that newly fail. */
  newlyFailing: string[];
  /** Newly failing policies not declared in alsoFails. */
  undeclared: string[];
  /** Declared collateral that did not fail. */
  declaredButPassing: string[];
  /** Set when the mutation could not be applied or scanned. */
  error?: string;
}

const FILE_LABEL = 'reference-stack/mutations.yaml';

function str(v: unknown, where: string, field: string): string {
  if (typeof v !== 'string' || v === '') throw new InputError(`${where}: "${field}" must be a non-empty string`, FILE_LABEL);
  return v;
}

function parseEdit(raw: unknown, defaultFile: string | undefined, where: string): Edit {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new InputError(`${where}: an edit must be a mapping`, FILE_LABEL);
  const e = raw as Record<string, unknown>;
  const file = e.file === undefined ? defaultFile : str(e.file, where, 'file');
  if (!file) throw new InputError(`${where}: no file (give "file" on the mutation or the edit)`, FILE_LABEL);
  if (file.split('/').includes('..') || file.startsWith('/')) throw new InputError(`${where}: file "${file}" must be a path inside reference-stack/terraform`, FILE_LABEL);
  const kinds = ['find', 'deleteBlock', 'append'].filter((k) => e[k] !== undefined);
  if (kinds.length !== 1) throw new InputError(`${where}: an edit needs exactly one of find/replace, deleteBlock, append`, FILE_LABEL);
  if (e.find !== undefined) {
    if (typeof e.replace !== 'string') throw new InputError(`${where}: "find" needs a "replace" string`, FILE_LABEL);
    return { kind: 'replace', file, find: str(e.find, where, 'find'), replace: e.replace };
  }
  if (e.deleteBlock !== undefined) return { kind: 'deleteBlock', file, header: str(e.deleteBlock, where, 'deleteBlock') };
  return { kind: 'append', file, text: str(e.append, where, 'append') };
}

/** Read and check the mutation list. */
export function loadMutations(file = MUTATIONS_FILE): Mutation[] {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError(`cannot read the mutation list: ${(err as Error).message.split('\n')[0]}`, file);
  }
  const list = (doc as { mutations?: unknown })?.mutations;
  if (!Array.isArray(list)) throw new InputError('no "mutations" list', file);
  const seen = new Set<string>();
  return list.map((raw, i) => {
    const where = `mutations[${i}]`;
    if (!raw || typeof raw !== 'object') throw new InputError(`${where}: must be a mapping`, file);
    const m = raw as Record<string, unknown>;
    const id = str(m.id, where, 'id');
    if (seen.has(id)) throw new InputError(`${where}: duplicate id "${id}"`, file);
    seen.add(id);
    const env = (m.env ?? 'production') as Env;
    if (!ENVIRONMENTS.includes(env)) throw new InputError(`${where} (${id}): env must be one of ${ENVIRONMENTS.join(', ')}`, file);
    const defaultFile = m.file === undefined ? undefined : str(m.file, where, 'file');
    const rawEdits = m.edits !== undefined ? m.edits : m.edit !== undefined ? [m.edit] : undefined;
    if (!Array.isArray(rawEdits) || !rawEdits.length) throw new InputError(`${where} (${id}): needs "edit" or a non-empty "edits" list`, file);
    const alsoFails = m.alsoFails === undefined ? [] : m.alsoFails;
    if (!Array.isArray(alsoFails) || alsoFails.some((x) => typeof x !== 'string')) throw new InputError(`${where} (${id}): alsoFails must be a list of policy ids`, file);
    if (m.profile !== undefined && (!m.profile || typeof m.profile !== 'object' || Array.isArray(m.profile))) throw new InputError(`${where} (${id}): profile must be a mapping of profile values`, file);
    if (m.status !== undefined && m.status !== 'fail' && m.status !== 'unknown') throw new InputError(`${where} (${id}): status must be fail or unknown`, file);
    const live = m.live === undefined ? undefined : str(m.live, where, 'live');
    if (live && (live.split('/').includes('..') || live.startsWith('/'))) throw new InputError(`${where} (${id}): live "${live}" must be a file inside reference-stack/live`, file);
    if (live && m.file !== undefined) throw new InputError(`${where} (${id}): a live mutation edits its live file; give no "file"`, file);
    return {
      ...(live ? { live } : {}),
      ...(m.profile ? { profile: m.profile as Record<string, unknown> } : {}),
      ...(m.status === 'unknown' ? { status: 'unknown' as const } : {}),
      id,
      policy: str(m.policy, where, 'policy'),
      description: str(m.description, where, 'description'),
      env,
      edits: rawEdits.map((e, j) => parseEdit(e, live ?? defaultFile, `${where} (${id}) edit ${j + 1}`)),
      alsoFails: alsoFails as string[],
    };
  });
}

function occurrences(text: string, find: string): number {
  let n = 0;
  for (let at = text.indexOf(find); at !== -1; at = text.indexOf(find, at + 1)) n++;
  return n;
}

/** Index just past the `}` that closes the block whose `{` is at `open` (strings and comments skipped). */
function blockEnd(text: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return -1;
}

/** Apply one edit to the file text; throws (naming the mutation) when it cannot apply exactly. */
export function applyEdit(text: string, edit: Edit, label: string): string {
  switch (edit.kind) {
    case 'replace': {
      const n = occurrences(text, edit.find);
      if (n !== 1) throw new InputError(`${label}: the "find" text occurs ${n} times in ${edit.file} (it must occur once)`, FILE_LABEL);
      const at = text.indexOf(edit.find);
      return text.slice(0, at) + edit.replace + text.slice(at + edit.find.length);
    }
    case 'deleteBlock': {
      const n = occurrences(text, edit.header);
      if (n !== 1) throw new InputError(`${label}: the block "${edit.header}" occurs ${n} times in ${edit.file} (it must occur once)`, FILE_LABEL);
      const start = text.indexOf(edit.header);
      const open = text.indexOf('{', start);
      const end = open === -1 ? -1 : blockEnd(text, open);
      if (end === -1) throw new InputError(`${label}: the block "${edit.header}" in ${edit.file} is not closed`, FILE_LABEL);
      const lineStart = text.lastIndexOf('\n', start) + 1;
      const after = text[end] === '\n' ? end + 1 : end;
      return text.slice(0, lineStart) + text.slice(after);
    }
    case 'append':
      return (text.endsWith('\n') ? text : `${text}\n`) + edit.text;
  }
}

/** Copy the stack to a fresh temporary folder (without .terraform caches) and return the copy's root. */
export function copyStack(): string {
  const root = mkdtempSync(join(tmpdir(), 'ferpa-ready-mutate-'));
  const dest = join(root, 'terraform');
  cpSync(STACK_DIR, dest, { recursive: true, filter: (src) => !src.split(/[\\/]/).includes('.terraform') });
  return dest;
}

/** Apply a mutation's edits to a copy of the stack. */
export function applyMutation(copy: string, m: Mutation): void {
  for (const [i, edit] of m.edits.entries()) {
    const path = join(copy, edit.file);
    if (!existsSync(path) && edit.kind !== 'append') throw new InputError(`${m.id} edit ${i + 1}: no such file ${edit.file}`, FILE_LABEL);
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
    writeFileSync(path, applyEdit(text, edit, `${m.id} edit ${i + 1}`));
  }
}

export interface ProofContext {
  catalog: Catalog;
  config: Config;
  /** Failing `policy|address` keys of the unmutated stack, per environment and profile override. */
  baseline: Map<string, Set<string>>;
}

const NOW = new Date('2026-01-01T00:00:00Z');

/** Findings of one environment of a stack copy with the given status (default fail), as `policy|address` keys. */
export async function failingKeys(stackDir: string, env: Env, ctx: Pick<ProofContext, 'catalog' | 'config'>, profile?: Record<string, unknown>, status: 'fail' | 'unknown' = 'fail'): Promise<Set<string>> {
  const envDir = join(stackDir, 'environments', env);
  const config = profile ? { ...ctx.config, profile: { ...ctx.config.profile, ...profile } as Config['profile'] } : ctx.config;
  const { results } = await scanPaths([envDir], { config, catalog: ctx.catalog, now: NOW, hcl: { env: {} }, cwd: stackDir });
  return new Set(results.findings.filter((f) => f.status === status).map((f) => `${f.policyId}|${f.resource.address ?? f.resource.arn ?? ''}`));
}

export function proofContext(): ProofContext {
  return { catalog: loadCatalog(), config: loadConfig(undefined, REPO_ROOT), baseline: new Map() };
}

/** Scan the unmutated stack once per environment, profile and status (cached in the context). */
export async function baselineFor(env: Env, ctx: ProofContext, profile?: Record<string, unknown>, status: 'fail' | 'unknown' = 'fail'): Promise<Set<string>> {
  const key = `${env}|${JSON.stringify(profile ?? {})}${status === 'fail' ? '' : `|${status}`}`;
  let b = ctx.baseline.get(key);
  if (!b) {
    const copy = copyStack();
    try {
      b = await failingKeys(copy, env, ctx, profile, status);
    } finally {
      rmSync(dirname(copy), { recursive: true, force: true });
    }
    ctx.baseline.set(key, b);
  }
  return b;
}

/** Failing (or `status`) findings of a compact live snapshot's text, audited offline as `policy|arn` keys. */
export async function liveKeys(text: string, ctx: Pick<ProofContext, 'catalog' | 'config'>, profile?: Record<string, unknown>, status: 'fail' | 'unknown' = 'fail'): Promise<Set<string>> {
  const dir = mkdtempSync(join(tmpdir(), 'ferpa-ready-mutate-live-'));
  try {
    const compact = join(dir, 'live.yaml');
    writeFileSync(compact, text);
    const snapshot = join(dir, 'snapshot.json');
    writeFileSync(snapshot, serializeSnapshot(readLiveFixture(compact, 'reference-stack/live')));
    const config = profile ? { ...ctx.config, profile: { ...ctx.config.profile, ...profile } as Config['profile'] } : ctx.config;
    const { results } = await scanPaths([snapshot], { config, catalog: ctx.catalog, now: NOW, cwd: dir });
    return new Set(results.findings.filter((f) => f.status === status).map((f) => `${f.policyId}|${f.resource.arn ?? f.resource.address ?? ''}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A live mutation: edit the reference account's snapshot and audit it, compared with the unedited one. */
async function runLiveMutation(m: Mutation & { live: string }, ctx: ProofContext): Promise<MutationResult> {
  try {
    const path = join(LIVE_DIR, m.live);
    if (!existsSync(path)) throw new InputError(`${m.id}: no such file reference-stack/live/${m.live}`, FILE_LABEL);
    const original = readFileSync(path, 'utf8');
    let text = original;
    for (const [i, edit] of m.edits.entries()) {
      if (edit.file !== m.live) throw new InputError(`${m.id} edit ${i + 1}: a live mutation edits only ${m.live}`, FILE_LABEL);
      text = applyEdit(text, edit, `${m.id} edit ${i + 1}`);
    }
    const status = m.status ?? 'fail';
    const key = `live:${m.live}|${JSON.stringify(m.profile ?? {})}|${status}`;
    let base = ctx.baseline.get(key);
    if (!base) ctx.baseline.set(key, (base = await liveKeys(original, ctx, m.profile, status)));
    const after = await liveKeys(text, ctx, m.profile, status);
    const newly = new Set<string>();
    for (const k of after) if (!base.has(k)) newly.add(k.slice(0, k.indexOf('|')));
    const caught = newly.has(m.policy);
    newly.delete(m.policy);
    const newlyFailing = status === 'fail' ? [...newly].sort() : [];
    return { mutation: m, caught, newlyFailing, undeclared: newlyFailing.filter((p) => !m.alsoFails.includes(p)), declaredButPassing: m.alsoFails.filter((p) => !newly.has(p)) };
  } catch (err) {
    return { mutation: m, caught: false, newlyFailing: [], undeclared: [], declaredButPassing: [], error: (err as Error).message };
  }
}

/** Run one mutation: copy, edit, scan, compare with the baseline. */
export async function runMutation(m: Mutation, ctx: ProofContext): Promise<MutationResult> {
  if (m.live) return runLiveMutation(m as Mutation & { live: string }, ctx);
  const base = await baselineFor(m.env, ctx, m.profile);
  const targetBase = m.status === 'unknown' ? await baselineFor(m.env, ctx, m.profile, 'unknown') : base;
  const copy = copyStack();
  try {
    applyMutation(copy, m);
    const after = await failingKeys(copy, m.env, ctx, m.profile);
    const targetAfter = m.status === 'unknown' ? await failingKeys(copy, m.env, ctx, m.profile, 'unknown') : after;
    const newly = new Set<string>();
    for (const k of after) if (!base.has(k)) newly.add(k.slice(0, k.indexOf('|')));
    const caught = [...targetAfter].some((k) => !targetBase.has(k) && k.slice(0, k.indexOf('|')) === m.policy);
    newly.delete(m.policy);
    const newlyFailing = [...newly].sort();
    return {
      mutation: m,
      caught,
      newlyFailing,
      undeclared: newlyFailing.filter((p) => !m.alsoFails.includes(p)),
      declaredButPassing: m.alsoFails.filter((p) => !newly.has(p)),
    };
  } catch (err) {
    return { mutation: m, caught: false, newlyFailing: [], undeclared: [], declaredButPassing: [], error: (err as Error).message };
  } finally {
    rmSync(dirname(copy), { recursive: true, force: true });
  }
}

export interface PolicyLine {
  policy: string;
  status: 'proven' | 'imprecise' | 'unproven';
  line: string;
}

/** One line per catalog policy, from the mutation results. */
export function summarise(policyIds: string[], results: MutationResult[]): { lines: PolicyLine[]; proven: number; unproven: string[]; problems: string[] } {
  const lines: PolicyLine[] = [];
  const unproven: string[] = [];
  const problems: string[] = [];
  const known = new Set(policyIds);
  for (const r of results) {
    if (r.error) problems.push(`mutation ${r.mutation.id}: ${r.error}`);
    else if (!r.caught) problems.push(`mutation ${r.mutation.id}: ${r.mutation.policy} did not fail (${r.mutation.description})`);
    if (!known.has(r.mutation.policy)) problems.push(`mutation ${r.mutation.id}: no policy "${r.mutation.policy}" in the catalog`);
    if (r.undeclared.length) problems.push(`mutation ${r.mutation.id}: undeclared collateral ${r.undeclared.join(', ')}`);
    if (r.declaredButPassing.length) problems.push(`mutation ${r.mutation.id}: declared collateral no longer fails: ${r.declaredButPassing.join(', ')}`);
  }
  for (const id of [...policyIds].sort()) {
    const mine = results.filter((r) => r.mutation.policy === id && r.caught);
    const exact = mine.filter((r) => !r.undeclared.length);
    if (!mine.length) {
      unproven.push(id);
      const tried = results.filter((r) => r.mutation.policy === id).map((r) => r.mutation.id);
      lines.push({ policy: id, status: 'unproven', line: `UNPROVEN  ${id}${tried.length ? `  (not caught: ${tried.join(', ')})` : '  (no mutation)'}` });
      continue;
    }
    const best = exact[0] ?? mine[0]!;
    const also = best.newlyFailing.length ? `  also fails: ${best.newlyFailing.join(', ')}` : '';
    if (exact.length) lines.push({ policy: id, status: 'proven', line: `proven    ${id}  by ${best.mutation.id}${also}` });
    else lines.push({ policy: id, status: 'imprecise', line: `imprecise ${id}  by ${best.mutation.id}${also}  (undeclared: ${best.undeclared.join(', ')})` });
  }
  return { lines, proven: lines.filter((l) => l.status !== 'unproven').length, unproven, problems };
}

async function main(argv: string[]): Promise<number> {
  let only: Set<string> | undefined;
  let file = MUTATIONS_FILE;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--only') only = new Set((argv[++i] ?? '').split(',').filter(Boolean));
    else if (argv[i] === '--mutations') file = resolve(argv[++i] ?? '');
    else throw new InputError(`mutate: unknown argument "${argv[i]}" (use --only id,id or --mutations file)`);
  }
  const mutations = loadMutations(file).filter((m) => !only || only.has(m.id));
  const ctx = proofContext();
  for (const env of new Set(mutations.filter((m) => !m.profile && !m.live).map((m) => m.env))) {
    const base = await baselineFor(env, ctx);
    if (base.size) process.stdout.write(`warning: the unmutated ${env} stack already fails: ${[...base].join(', ')}\n`);
  }
  const results: MutationResult[] = [];
  for (const m of mutations) results.push(await runMutation(m, ctx));
  const policyIds = ctx.catalog.policies.map((p) => p.id).filter((id) => !only || mutations.some((m) => m.policy === id));
  const { lines, proven, unproven, problems } = summarise(policyIds, results);
  for (const l of lines) process.stdout.write(`${l.line}\n`);
  for (const p of problems) process.stdout.write(`problem: ${p}\n`);
  const imprecise = lines.filter((l) => l.status === 'imprecise').length;
  process.stdout.write(`${results.length} mutations of ${relative(REPO_ROOT, STACK_DIR)}; ${imprecise} policies proven only imprecisely\n`);
  process.stdout.write(`proven ${proven}, unproven ${unproven.length}\n`);
  return unproven.length || problems.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof InputError) {
        process.stderr.write(`error: ${err.message}\n`);
        process.exit(2);
      }
      throw err;
    },
  );
}
