import { createHash } from 'node:crypto';
import { dirname, relative } from 'node:path';
import { InputError } from '../errors.js';
import { rootModules } from '../sources/hcl/files.js';
import { ACCOUNT_ID, adaptTerraformInventory } from '../adapters/terraform/index.js';
import { classificationOptions, type ClassificationOptions } from '../adapters/classification.js';
import type { Adapted, InventoryEntry } from '../adapters/inventory.js';
import { unknownVal } from '../model/value.js';
import { DATA_STORE_KIND } from '../model/kinds/inventory.js';
import { Model } from '../model/model.js';
import { coverageOf, inputCoverage } from './coverage.js';
import { linkModel } from '../adapters/link.js';
import type { Resource } from '../model/resource.js';
import type { Catalog } from '../engine/catalog.js';
import type { Config } from '../engine/config.js';
import type { ParamOrigin } from '../engine/profiles.js';
import type { Policy } from '../engine/policy.js';
import { runPolicies } from '../engine/run.js';
import { timed, timedAsync } from '../util/timing.js';
import { applyWaivers } from '../engine/waivers.js';
import { redact } from '../engine/redact.js';
import type { Diagnostic, Finding, InputCoverage, Results, ResultsInput, Waiver } from '../engine/types.js';
import { readPlan } from '../sources/plan/index.js';
import type { TfSourceResult } from '../sources/terraform/record.js';
import { classify, hashInput, type ClassifiedInput } from './inputs.js';
import { TOOL_VERSION } from '../version.js';
import { countByStatus, sortFindings } from '../engine/order.js';
import { computeDrift } from './drift.js';
import { hclRootDir, mergeSameId, placeGroups, rebaser, type GroupPlace } from './roots.js';
import { pushAll } from '../util/push-all.js';

export interface ScanOptions {
  config: Config;
  catalog: Catalog;
  /** The clock, injected for deterministic output. */
  now: Date;
  hcl?: { vars?: Record<string, string>; varFiles?: string[]; env?: Record<string, string | undefined>; cache?: string };
  cwd?: string;
  /**
   * `--framework`: the frameworks judged (ids in the catalog) and where each parameter of the merged
   * profile (`config.profile`) came from. Only policies one of them maps (or no framework maps) run.
   */
  frameworks?: { ids: string[]; origins: Record<string, ParamOrigin> };
}

export interface ScanOutput {
  results: Results;
  models: Array<{ input: ClassifiedInput; model: Model }>;
}

/** One group of inputs that form one model: a plan, a snapshot, or a Terraform root module. */
interface Group {
  inputs: ClassifiedInput[];
}

function groupInputs(inputs: ClassifiedInput[]): Group[] {
  const groups: Group[] = [];
  const hclFilesByDir = new Map<string, ClassifiedInput[]>();
  for (const i of inputs) {
    if (i.kind === 'hcl-file') {
      const d = dirname(i.path);
      const list = hclFilesByDir.get(d) ?? [];
      if (!list.length) groups.push({ inputs: list });
      list.push(i);
      hclFilesByDir.set(d, list);
    } else groups.push({ inputs: [i] });
  }
  return groups;
}

async function resourcesOf(group: Group, opts: ScanOptions, cwd: string, diagnostics: Diagnostic[], suppressions: Waiver[], classification: ClassificationOptions, collected: Map<ClassifiedInput, string>): Promise<Adapted> {
  const first = group.inputs[0]!;
  if (first.kind === 'snapshot') {
    // The snapshot's notes (what the audit could not see: types without a collector, Config-only accounts) travel into the results.
    const { notes, collectedAt, ...live } = await timedAsync('read and model the snapshot', async () => (await import('./live.js')).loadLiveResources(first.path, first.display, classification));
    for (const note of notes) diagnostics.push({ level: 'note', message: note, file: first.display });
    // when the account was read: the results' input time, so a report can tell how old its live evidence is
    collected.set(first, collectedAt);
    return live;
  }
  let src: TfSourceResult;
  if (first.kind === 'plan') src = timed('read the plan', () => readPlan(first.path, { display: first.display }));
  else {
    const root = hclRootDir(first);
    const { readHcl } = await import('../sources/hcl/index.js');
    // Paths in messages are relative to the working directory (`envs/prod/main.tf:160:23`, one of many
    // main.tf files); finding files are made relative to the scanned directory afterwards (roots.ts).
    src = await timedAsync('read and evaluate the HCL', () => readHcl(group.inputs.map((i) => i.path), { ...opts.hcl, root, displayRoot: cwd }));
    const toRoot = rebaser(cwd, root);
    for (const s of src.suppressions ?? []) {
      suppressions.push({
        policy: s.policy,
        resource: s.address,
        reason: s.reason ?? '',
        owner: s.owner ?? '',
        expires: s.expires ?? '',
        origin: `${first.kind === 'hcl-dir' ? first.display + '/' : ''}${toRoot(s.file)}:${s.line}`,
      });
    }
  }
  for (const note of src.notes) diagnostics.push({ level: 'note', message: note, file: first.display });
  for (const w of src.warnings ?? []) diagnostics.push({ level: 'warning', message: w, file: first.display });
  // An input with no resources at all (an empty file, only variables) says nothing about any account:
  // no synthetic account for it, so no account-level unknowns (the CLI notes the empty input instead).
  if (!src.records.length && !src.opaqueModules?.length && !src.providers?.length) return { resources: [], inventory: [] };
  const records = src.providers?.length ? src.records.concat(src.providers) : src.records;
  const adapted = timed('model the resources', () => adaptTerraformInventory(records, first.kind === 'plan' ? 'plan' : 'hcl', src.opaqueModules ?? [], classification));
  for (const m of src.unreadModules ?? []) adapted.inventory.push(unreadModuleEntry(m));
  return adapted;
}

/**
 * What coverage stands in for a module call whose source could not be read: a data store of unknown category and
 * classification, so the inventory policies say it is unseen (aws-data-store-evaluated unknown, which gates) instead
 * of the scan reporting every data store evaluated.
 */
function unreadModuleEntry(m: NonNullable<TfSourceResult['unreadModules']>[number]): InventoryEntry {
  const loc = { file: m.file, line: m.line, address: m.address };
  return { type: 'module', address: m.address, arn: null, file: m.file, line: m.line, source: 'hcl', modelled: false, resources: [], tags: unknownVal(loc), unreadModule: { source: m.source, why: m.why } };
}

/**
 * A directory given without configuration files of its own stands for the root modules below it
 * (checks/sources/hcl/files.ts); one with none anywhere is an input error, not an empty pass.
 */
function rootModuleInputs(input: ClassifiedInput, cwd: string, diagnostics: Diagnostic[]): ClassifiedInput[] {
  const roots = rootModules(input.path);
  if (!roots.length) throw new InputError('no Terraform files (.tf, .tf.json) in this directory or below', input.display);
  if (roots.length === 1 && roots[0] === input.path) return [input];
  const found = roots.map((path) => ({ kind: 'hcl-dir' as const, path, display: relative(cwd, path) || '.' }));
  diagnostics.push({ level: 'note', message: `no configuration files here: scanned the ${found.length} root module(s) below it: ${found.map((f) => f.display).join(', ')}`, file: input.display });
  return found;
}

/** How coverage names a group: the root module (its directory), the plan or the snapshot, as given. */
function groupDisplay(group: Group): string {
  const first = group.inputs[0]!;
  return first.kind === 'hcl-file' ? dirname(first.display) || '.' : first.display;
}

function inputKind(i: ClassifiedInput): ResultsInput['kind'] {
  return i.kind === 'plan' ? 'plan' : i.kind === 'snapshot' ? 'live' : 'hcl';
}

/** Scan paths (directories, .tf files, plans, snapshots) with the catalog and return one results document. */
/**
 * What an inventory policy (a store no backup selection covers) reads beside the stores: the backup plans and
 * selections, and the accounts holding each region's AWS Backup resource-type opt-in.
 */
function backupAssignments(model: Model): Resource[] {
  return [...model.ofKind('aws.backup.plan'), ...model.ofKind('aws.backup.selection'), ...model.ofKind('aws.account')];
}

export async function scanPaths(paths: string[], opts: ScanOptions): Promise<ScanOutput> {
  const cwd = opts.cwd ?? process.cwd();
  const diagnostics: Diagnostic[] = [];
  const given = paths.map((p) => classify(p, cwd));
  const givenHclDirs = given.filter((i) => i.kind === 'hcl-dir' || i.kind === 'hcl-file').map(hclRootDir);
  const classified = given.flatMap((i) => (i.kind === 'hcl-dir' ? rootModuleInputs(i, cwd, diagnostics) : [i]));
  const suppressions: Waiver[] = [];
  const scanned: Finding[] = [];
  const models: ScanOutput['models'] = [];
  const disabled = new Set(opts.config.disable);
  const enabled = opts.catalog.policies.filter((p) => !disabled.has(p.id) && judgedBy(p, opts.frameworks?.ids));
  // The inventory policies (FERPA-GOV-01) judge what the rest of the catalog evaluated, so they run after it.
  const policies = enabled.filter((p) => p.resource !== DATA_STORE_KIND);
  const inventoryPolicies = enabled.filter((p) => p.resource === DATA_STORE_KIND);
  const classification = classificationOptions(opts.config.profile, opts.catalog.dataStores.kinds);
  const coverage: InputCoverage[] = [];
  const groups = groupInputs(classified);
  const places = placeGroups(groups.map((g) => g.inputs[0]!), givenHclDirs, cwd);
  const failed = new Map<ClassifiedInput, InputError>();
  const collected = new Map<ClassifiedInput, string>();
  for (const [n, group] of groups.entries()) {
    const first = group.inputs[0]!;
    let adapted: Adapted;
    try {
      adapted = await resourcesOf(group, opts, cwd, diagnostics, suppressions, classification, collected);
    } catch (e) {
      // One broken input (an unparsable file in one of many root modules) is reported as an error of
      // that input; the others are still scanned, and the CLI exits 2 at the end.
      if (!(e instanceof InputError) || groups.length === 1) throw e;
      for (const i of group.inputs) failed.set(i, e);
      diagnostics.push({ level: 'error', message: `not scanned: ${e.message}`, file: first.display });
      continue;
    }
    const model = timed('link the model', () => linkModel(adapted.resources));
    models.push({ input: first, model });
    const place = places[n]!;
    const rebase = place.fileBase !== undefined ? rebaser(cwd, place.fileBase) : undefined;
    const run = { profile: opts.config.profile, checks: opts.catalog.checks, scopeOf: scopeOf(place), ...(opts.frameworks ? { frameworks: opts.frameworks } : {}) };
    const judged = timed('evaluate the policies', () => runPolicies(policies, model, run));
    const covered = timed('input coverage', () => inputCoverage(adapted.inventory, model, judged, {
      input: groupDisplay(group),
      source: inputKind(first) === 'live' ? 'live' : inputKind(first) === 'plan' ? 'plan' : 'hcl',
      ran: policies,
      catalog: opts.catalog.policies.filter((p) => p.resource !== DATA_STORE_KIND),
      dataStores: opts.catalog.dataStores,
      classification,
    }));
    coverage.push(covered.coverage);
    if (inventoryPolicies.length) pushAll(judged, timed('evaluate the policies', () => runPolicies(inventoryPolicies, new Model([...covered.stores, ...backupAssignments(model)]), run)));
    for (const f of judged) scanned.push(placed(f, place, rebase));
  }
  if (!models.length) {
    const [first] = failed.values();
    throw new InputError(`${first!.message} (and ${groups.length - 1} other input(s) could not be read)`);
  }
  // One group's finding ids are unique already (one finding per policy and model resource).
  const findings = groups.length === 1 ? scanned : mergeSameId(scanned);
  const planModels = models.filter((m) => m.input.kind === 'plan');
  const liveModels = models.filter((m) => m.input.kind === 'snapshot');
  const drift = planModels.flatMap((p) => liveModels.flatMap((l) => computeDrift(p.model, l.model)));
  const today = opts.now.toISOString().slice(0, 10);
  const waivers = [...opts.config.waivers, ...suppressions];
  pushAll(diagnostics, applyWaivers(findings, waivers, today));
  const inputs: ResultsInput[] = classified.map((i) => {
    const error = failed.get(i);
    const time = collected.get(i);
    return { kind: inputKind(i), path: i.display, sha256: error ? hashReadable(i) : hashInput(i), ...(time ? { time } : {}), ...(error ? { error: error.message } : {}) };
  });
  const sorted = sortFindings(findings);
  const results: Results = {
    schemaVersion: '1',
    tool: { name: 'ferpa-ready', version: TOOL_VERSION, catalogVersion: opts.catalog.version },
    generatedAt: opts.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    inputs,
    findings: sorted,
    summary: countByStatus(sorted),
    profile: opts.config.profile,
    ...(opts.frameworks ? { frameworks: opts.frameworks.ids.map((id) => frameworkMeta(opts.catalog, id)) } : {}),
    ...(diagnostics.length ? { diagnostics } : {}),
    ...(opts.config.attestations.length ? { attestations: opts.config.attestations } : {}),
    ...(waivers.length ? { waivers: waivers.filter((w) => w.policy) } : {}),
    coverage: coverageOf(coverage),
    ...(planModels.length && liveModels.length ? { drift: drift.map((d) => ({ ...d, ...(d.planned !== undefined ? { planned: redact(d.planned, d.attribute) } : {}), ...(d.live !== undefined ? { live: redact(d.live, d.attribute) } : {}) })) } : {}),
  };
  return { results, models };
}

/** Does a policy run when these frameworks are judged? All run by default; else those they map, and those no framework maps (a user's own). */
function judgedBy(p: Policy, ids: string[] | undefined): boolean {
  if (!ids) return true;
  const mapped = p.frameworkControls ?? {};
  return Object.keys(mapped).length === 0 || ids.some((id) => (mapped[id]?.length ?? 0) > 0);
}

function frameworkMeta(catalog: Catalog, id: string): { id: string; title: string; version: string } {
  const fw = catalog.frameworks.get(id);
  return { id, title: fw?.title ?? id, version: fw?.version ?? '' };
}

/** The hash of an input that could not be read: of its files when they can be read, else of nothing. */
function hashReadable(i: ClassifiedInput): string {
  try {
    return hashInput(i);
  } catch {
    return createHash('sha256').digest('hex');
  }
}

/** Root-module scope for the finding ids of a group; none for the account-level synthetic resource. */
function scopeOf(place: GroupPlace): ((r: Resource) => string | undefined) | undefined {
  const scope = place.scope;
  if (scope === undefined) return undefined;
  return (r) => (r.kind === 'aws.account' && r.id === ACCOUNT_ID ? undefined : scope);
}

/**
 * A finding as the results document shows it: HCL files relative to the scanned directory, that
 * directory kept off the document as `resource.root` (not enumerable; SARIF, GitLab SAST and JUnit join
 * it with `file`), and `input` when the scan read several inputs of this source.
 */
function placed(f: Finding, place: GroupPlace, rebase: ((file: string | null) => string | null) | undefined): Finding {
  if (rebase) {
    f.resource.file = rebase(f.resource.file);
    Object.defineProperty(f.resource, 'root', { value: place.fileBaseDisplay, enumerable: false });
  }
  if (place.input !== undefined) f.input = place.input;
  return f;
}
