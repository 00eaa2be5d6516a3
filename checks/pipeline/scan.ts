import { dirname, relative } from 'node:path';
import { InputError } from '../errors.js';
import { rootModules } from '../sources/hcl/files.js';
import { adaptTerraform } from '../adapters/terraform/index.js';
import { linkModel } from '../adapters/link.js';
import type { Model } from '../model/model.js';
import type { Resource } from '../model/resource.js';
import type { Catalog } from '../engine/catalog.js';
import type { Config } from '../engine/config.js';
import { runPolicies } from '../engine/run.js';
import { applyWaivers } from '../engine/waivers.js';
import { redact } from '../engine/redact.js';
import type { Diagnostic, Finding, Results, ResultsInput, Waiver } from '../engine/types.js';
import { readPlan } from '../sources/plan/index.js';
import type { TfSourceResult } from '../sources/terraform/record.js';
import { classify, hashInput, type ClassifiedInput } from './inputs.js';
import { TOOL_VERSION } from '../version.js';
import { sortFindings, summarize } from './results.js';
import { computeDrift } from './drift.js';

export interface ScanOptions {
  config: Config;
  catalog: Catalog;
  /** The clock, injected for deterministic output. */
  now: Date;
  hcl?: { vars?: Record<string, string>; varFiles?: string[]; env?: Record<string, string | undefined> };
  cwd?: string;
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

async function resourcesOf(group: Group, opts: ScanOptions, diagnostics: Diagnostic[], suppressions: Waiver[]): Promise<Resource[]> {
  const first = group.inputs[0]!;
  if (first.kind === 'snapshot') return (await import('./live.js')).loadLiveResources(first.path, first.display);
  let src: TfSourceResult;
  if (first.kind === 'plan') src = readPlan(first.path, { display: first.display });
  else {
    const root = first.kind === 'hcl-dir' ? first.path : dirname(first.path);
    const { readHcl } = await import('../sources/hcl/index.js');
    src = await readHcl(group.inputs.map((i) => i.path), { ...opts.hcl, root });
    for (const s of src.suppressions ?? []) {
      suppressions.push({
        policy: s.policy,
        resource: s.address,
        reason: s.reason ?? '',
        owner: s.owner ?? '',
        expires: s.expires ?? '',
        origin: `${first.kind === 'hcl-dir' ? first.display + '/' : ''}${s.file}:${s.line}`,
      });
    }
  }
  for (const note of src.notes) diagnostics.push({ level: 'note', message: note, file: first.display });
  for (const w of src.warnings ?? []) diagnostics.push({ level: 'warning', message: w, file: first.display });
  return adaptTerraform(src.records, first.kind === 'plan' ? 'plan' : 'hcl', src.opaqueModules ?? []);
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

/**
 * The directory HCL findings' files are relative to, as given (FindingResource.root). Kept off the
 * results document (not enumerable): the contract says files are relative to the scanned directory.
 */
function sourceRoot(i: ClassifiedInput): string | undefined {
  if (i.kind === 'hcl-dir') return i.display;
  if (i.kind === 'hcl-file') return dirname(i.display) || '.';
  return undefined;
}

function inputKind(i: ClassifiedInput): ResultsInput['kind'] {
  return i.kind === 'plan' ? 'plan' : i.kind === 'snapshot' ? 'live' : 'hcl';
}

/** Scan paths (directories, .tf files, plans, snapshots) with the catalog and return one results document. */
export async function scanPaths(paths: string[], opts: ScanOptions): Promise<ScanOutput> {
  const cwd = opts.cwd ?? process.cwd();
  const diagnostics: Diagnostic[] = [];
  const classified = paths.map((p) => classify(p, cwd)).flatMap((i) => (i.kind === 'hcl-dir' ? rootModuleInputs(i, cwd, diagnostics) : [i]));
  const suppressions: Waiver[] = [];
  const findings: Finding[] = [];
  const models: ScanOutput['models'] = [];
  const disabled = new Set(opts.config.disable);
  const policies = opts.catalog.policies.filter((p) => !disabled.has(p.id));
  for (const group of groupInputs(classified)) {
    const resources = await resourcesOf(group, opts, diagnostics, suppressions);
    const model = linkModel(resources);
    models.push({ input: group.inputs[0]!, model });
    const root = sourceRoot(group.inputs[0]!);
    for (const f of runPolicies(policies, model, { profile: opts.config.profile })) {
      if (root !== undefined) Object.defineProperty(f.resource, 'root', { value: root, enumerable: false });
      findings.push(f);
    }
  }
  const planModels = models.filter((m) => m.input.kind === 'plan');
  const liveModels = models.filter((m) => m.input.kind === 'snapshot');
  const drift = planModels.flatMap((p) => liveModels.flatMap((l) => computeDrift(p.model, l.model)));
  const today = opts.now.toISOString().slice(0, 10);
  const waivers = [...opts.config.waivers, ...suppressions];
  diagnostics.push(...applyWaivers(findings, waivers, today));
  const inputs: ResultsInput[] = classified.map((i) => ({ kind: inputKind(i), path: i.display, sha256: hashInput(i) }));
  const sorted = sortFindings(findings);
  const results: Results = {
    schemaVersion: '1',
    tool: { name: 'ferpa-ready', version: TOOL_VERSION, catalogVersion: opts.catalog.version },
    generatedAt: opts.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    inputs,
    findings: sorted,
    summary: summarize(sorted),
    profile: opts.config.profile,
    ...(diagnostics.length ? { diagnostics } : {}),
    ...(opts.config.attestations.length ? { attestations: opts.config.attestations } : {}),
    ...(waivers.length ? { waivers: waivers.filter((w) => w.policy) } : {}),
    ...(planModels.length && liveModels.length ? { drift: drift.map((d) => ({ ...d, ...(d.planned !== undefined ? { planned: redact(d.planned, d.attribute) } : {}), ...(d.live !== undefined ? { live: redact(d.live, d.attribute) } : {}) })) } : {}),
  };
  return { results, models };
}
