/**
 * `ferpa-ready policies new`: a policy as one folder's worth of obvious files. Writes the policy skeleton
 * (every required field, `TODO` where the author has to write, so it cannot load until finished), the
 * pass and fail fixtures of each source in compact form with expect.yaml, and for the core catalog the
 * control mapping in the framework file and a mutation stub for the reference stack.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { SEVERITIES } from '../engine/types.js';
import { InputError } from '../errors.js';
import { KINDS } from '../model/kinds/index.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { probeBooleanAttribute, type AttributeNames } from './attribute-probe.js';
import { FIXTURE_FORMS, type FixtureSource } from './fixture-files.js';
import { addPolicyToControls } from './framework-edit.js';
import { readMappingRules } from './mapping-rules.js';
import { proposePeerMappings } from './peer-mappings.js';
import { LIVE_RECORDS } from './live-records.js';
import { appendMutation, mutationId, mutationStub, stackFileWith } from './mutation-stub.js';

export { SEVERITIES };
export const CATEGORIES = ['encryption', 'network', 'retention', 'audit', 'access', 'secrets', 'resilience', 'governance'] as const;
const SOURCES = ['hcl', 'plan', 'live'] as const;
type Source = (typeof SOURCES)[number];

export interface ScaffoldRequest {
  id: string;
  kind: string;
  sources?: string[];
  controls?: string[];
  severity?: string;
  category?: string;
  /** `<attribute>=true|false`: the rule, and (where the adapters confirm the names) complete fixtures. */
  assert?: string;
}

/** Where the files go: the core catalog in the source repository, or a policy folder of the user's own. */
export interface ScaffoldLayout {
  /** Shown paths are relative to this folder. */
  root: string;
  policiesDir: string;
  fixturesDir: string;
  /** Core catalog only. */
  frameworkFile?: string;
  /** Core catalog only: the other frameworks' files the FERPA mapping is carried to, and the rules that bound it. */
  peerFrameworkFiles?: string[];
  mappingRulesFile?: string;
  mutationsFile?: string;
  stackDir?: string;
  /** Policy folders whose ids are taken as well (the core catalog, for a user folder). */
  otherPolicyDirs: string[];
}

export interface ScaffoldResult {
  created: string[];
  edited: string[];
  notes: string[];
  mutation?: string;
}

export function coreLayout(root = PACKAGE_ROOT): ScaffoldLayout {
  const layout: ScaffoldLayout = {
    root,
    policiesDir: join(root, 'policies'),
    fixturesDir: join(root, 'fixtures'),
    frameworkFile: join(root, 'policies', 'frameworks', 'ferpa.yaml'),
    peerFrameworkFiles: ['nist-800-53-moderate.yaml', 'soc2.yaml'].map((f) => join(root, 'policies', 'frameworks', f)),
    mappingRulesFile: join(root, 'test', 'frameworks', 'mapping-rules.yaml'),
    mutationsFile: join(root, 'reference-stack', 'mutations.yaml'),
    stackDir: join(root, 'reference-stack', 'terraform'),
    otherPolicyDirs: [],
  };
  if (!existsSync(layout.fixturesDir) || !existsSync(layout.mutationsFile!)) {
    throw new InputError('the core catalog is scaffolded in the source repository (fixtures/ and reference-stack/ are not in the installed package); use --dir <your policy folder>');
  }
  return layout;
}

export function userLayout(dir: string, cwd = process.cwd()): ScaffoldLayout {
  return { root: cwd, policiesDir: dir, fixturesDir: join(dir, 'fixtures'), otherPolicyDirs: [join(PACKAGE_ROOT, 'policies')] };
}

const POLICY_FILE = /\.policy\.(ya?ml|json)$/;

function policyIds(dir: string): Set<string> {
  if (!existsSync(dir)) return new Set();
  return new Set(readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => POLICY_FILE.test(f)).map((f) => f.split(/[\\/]/).pop()!.replace(POLICY_FILE, '')));
}

/** Check the request against the model, the catalog and the framework; every problem is one InputError line. */
function checkRequest(req: ScaffoldRequest, layout: ScaffoldLayout): { sources: Source[]; controls: string[]; assert?: { attr: string; value: boolean } } {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(req.id)) throw new InputError(`policy id "${req.id}": use lowercase words joined by hyphens (aws-rds-cluster-copy-tags-to-snapshot)`);
  for (const dir of [layout.policiesDir, ...layout.otherPolicyDirs]) {
    if (policyIds(dir).has(req.id)) throw new InputError(`policy id "${req.id}" exists already (in ${relative(layout.root, dir) || '.'})`);
  }
  if (existsSync(join(layout.fixturesDir, req.id))) throw new InputError(`${relative(layout.root, join(layout.fixturesDir, req.id))} exists already; remove it or choose another id`);
  const spec = KINDS[req.kind];
  if (!spec) throw new InputError(`--kind: unknown model kind "${req.kind}" (one of ${Object.keys(KINDS).sort().join(', ')})`);
  // a kind the catalog derives (aws.data-store spans many types) has no one resource to write fixtures of
  if (!spec.terraform.length) throw new InputError(`--kind: "${req.kind}" stands for resources of several Terraform types, so there is no one resource to scaffold fixtures for; write its policy and fixtures by hand (docs/conventions.md, "Adding a policy")`);
  const sources = (req.sources ?? [...SOURCES]) as Source[];
  for (const s of sources) if (!SOURCES.includes(s)) throw new InputError(`--sources: unknown source "${s}" (hcl, plan, live)`);
  if (!sources.length) throw new InputError('--sources: name at least one of hcl, plan, live');
  if (req.severity !== undefined && !(SEVERITIES as readonly string[]).includes(req.severity)) throw new InputError(`--severity: "${req.severity}" is not one of ${SEVERITIES.join(', ')}`);
  if (req.category !== undefined && !(CATEGORIES as readonly string[]).includes(req.category)) throw new InputError(`--category: "${req.category}" is not one of ${CATEGORIES.join(', ')}`);
  const controls = req.controls ?? [];
  if (controls.length && !layout.frameworkFile) throw new InputError('--control maps core policies in policies/frameworks/ferpa.yaml; a policy folder of your own has no framework file');
  if (controls.length) {
    const known = Object.keys((parse(readFileSync(layout.frameworkFile!, 'utf8')) as { controls: Record<string, unknown> }).controls);
    for (const c of controls) if (!known.includes(c)) throw new InputError(`--control: unknown control "${c}" (FERPA-CONTROLS.md lists ${known[0]} to ${known[known.length - 1]})`);
  }
  let assert: { attr: string; value: boolean } | undefined;
  if (req.assert !== undefined) {
    const m = /^([A-Za-z][A-Za-z0-9]*)=(true|false)$/.exec(req.assert);
    if (!m) throw new InputError(`--assert: "${req.assert}" is not <attribute>=true|false (other rules are written in the policy file)`);
    const attr = spec.attrs[m[1]!];
    if (!attr) throw new InputError(`--assert: ${req.kind} has no attribute "${m[1]}" (${Object.keys(spec.attrs).join(', ')})`);
    if (attr.type !== 'boolean') throw new InputError(`--assert: ${req.kind}.${m[1]} is a ${attr.type}, not a boolean; write its rule in the policy file`);
    assert = { attr: m[1]!, value: m[2] === 'true' };
  }
  return { sources, controls, ...(assert ? { assert } : {}) };
}

/**
 * Map the policy in the other frameworks as its peers (the policies of the same FERPA controls) are
 * mapped, bounded by the mapping rules; what cannot be proposed becomes a note to do by hand.
 */
function carryMapping(req: ScaffoldRequest, controls: string[], ferpaText: string, layout: ScaffoldLayout, edits: Map<string, string>, notes: string[]): void {
  const files = (layout.peerFrameworkFiles ?? []).filter((f) => existsSync(f));
  if (!files.length || !layout.mappingRulesFile || !existsSync(layout.mappingRulesFile)) return;
  const shown = (f: string) => relative(layout.root, f);
  if (!req.category) {
    notes.push(`map the policy in ${files.map(shown).join(' and ')} too (rerun with --category to have it proposed from the policies of ${controls.join(', ')})`);
    return;
  }
  const rules = readMappingRules(layout.mappingRulesFile);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const { controls: add, refused } = proposePeerMappings(ferpaText, controls, text, { id: req.id, category: req.category }, rules);
    const why = refused.length ? ` (${refused.join(', ')} map its peers, but ${shown(layout.mappingRulesFile)} does not let a ${req.category} policy named ${req.id} evidence them)` : '';
    if (add.length) {
      edits.set(file, addPolicyToControls(text, add, req.id, shown(file)));
      notes.push(`mapped in ${shown(file)} as the policies of ${controls.join(', ')} are: ${add.join(', ')}; check each control's scope says what this policy evidences${why}`);
    } else {
      notes.push(`map the policy in ${shown(file)} by hand, or list it under unmappedPolicies with the reason${why}`);
    }
  }
}

/** Write the skeleton of a new policy; nothing is written unless every part can be. */
export function scaffoldPolicy(req: ScaffoldRequest, layout: ScaffoldLayout): ScaffoldResult {
  const { sources, controls, assert } = checkRequest(req, layout);
  const spec = KINDS[req.kind]!;
  const tfType = spec.terraform[0]!.split(' ')[0]!;
  const live = LIVE_RECORDS[req.kind];
  const names: AttributeNames = assert ? probeBooleanAttribute(req.kind, assert.attr, tfType, live) : {};
  const files = new Map<string, string>();
  const notes: string[] = [];

  files.set(join(layout.policiesDir, `${req.id}.policy.yaml`), policyText(req, sources, tfType, assert, names));
  const fixtureDir = join(layout.fixturesDir, req.id);
  for (const side of ['pass', 'fail'] as const) {
    const value = assert ? (side === 'pass' ? assert.value : !assert.value) : undefined;
    for (const source of sources) {
      const name = source === 'hcl' ? FIXTURE_FORMS.hcl.full : FIXTURE_FORMS[source as FixtureSource].compact!;
      files.set(join(fixtureDir, side, name), fixtureText(source, side, req.id, tfType, live, names, value));
    }
  }
  files.set(join(fixtureDir, 'fail', 'expect.yaml'), expectText(sources, tfType, live));
  if (assert && sources.some((s) => s !== 'live') && !names.terraform) notes.push(`no Terraform argument of ${tfType} gave ${assert.attr} as written: fill in the TODO in the hcl and plan fixtures`);
  if (assert && sources.includes('live') && !names.live) notes.push(`no API field gave ${assert.attr} as written: fill in the TODO in the live fixtures`);

  const edits = new Map<string, string>();
  if (controls.length) {
    const ferpaText = readFileSync(layout.frameworkFile!, 'utf8');
    edits.set(layout.frameworkFile!, addPolicyToControls(ferpaText, controls, req.id, relative(layout.root, layout.frameworkFile!)));
    carryMapping(req, controls, ferpaText, layout, edits, notes);
  } else if (layout.frameworkFile) notes.push(`map the policy to a FERPA control: add ${req.id} to a control's policies list in ${relative(layout.root, layout.frameworkFile)} (or rerun with --control)`);
  let mutation: string | undefined;
  if (layout.mutationsFile && layout.stackDir) {
    const at = stackFileWith(layout.stackDir, spec.terraform.map((t) => t.split(' ')[0]!));
    if (at) {
      edits.set(layout.mutationsFile, appendMutation(readFileSync(layout.mutationsFile, 'utf8'), mutationStub(req.id, at.file, at.type), relative(layout.root, layout.mutationsFile)));
      mutation = mutationId(req.id);
    } else {
      notes.push(`the reference stack has no ${spec.terraform.join(' or ')}: add one to reference-stack/terraform and a mutation of it to reference-stack/mutations.yaml; every core policy needs one`);
    }
  }

  for (const file of files.keys()) if (existsSync(file)) throw new InputError(`${relative(layout.root, file)} exists already`);
  for (const [file, text] of files) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text, { flag: 'wx' });
  }
  for (const [file, text] of edits) writeFileSync(file, text);
  return { created: [...files.keys()].map((f) => relative(layout.root, f)), edited: [...edits.keys()].map((f) => relative(layout.root, f)), notes, ...(mutation ? { mutation } : {}) };
}

// ------------------------------------------------------------------------------------------------ file texts

function policyText(req: ScaffoldRequest, sources: Source[], tfType: string, assert: { attr: string; value: boolean } | undefined, names: AttributeNames): string {
  const spec = KINDS[req.kind]!;
  const service = req.kind.split('.')[1];
  const tfLine = names.terraform && assert ? `${names.terraform} = ${assert.value}` : 'TODO the compliant argument';
  return [
    '# Written by `ferpa-ready policies new`: replace every TODO (policies validate refuses the file until then).',
    '# Fields: policies/schema/policy.schema.json; how to write each one: docs/conventions.md, "Adding a policy".',
    `id: ${req.id}`,
    'title: TODO the compliant state, as a sentence ("RDS DB cluster copies its tags to snapshots"), never "Ensure ..."',
    `severity: ${req.severity ?? `TODO one of ${SEVERITIES.join(', ')}`}`,
    `category: ${req.category ?? `TODO one of ${CATEGORIES.join(', ')}`}`,
    `resource: ${req.kind}`,
    `sources: [${sources.join(', ')}]`,
    'description: TODO what is checked, naming the Terraform argument and the AWS API field, and their defaults',
    'rationale: TODO why a district reviewing the DPA cares, citing the requirement (NDPA, 34 CFR 99, NIST 800-53, CIS AWS)',
    'remediation:',
    '  terraform: |-',
    `    resource "${tfType}" "main" {`,
    '      # ...',
    `      ${tfLine}`,
    '    }',
    '  cli: TODO the AWS CLI command that fixes an existing resource',
    'references:',
    '  - TODO the AWS documentation page of the setting',
    'rule:',
    '  assert:',
    assert ? `    path: ${assert.attr}` : `    path: TODO  # an attribute or link of ${req.kind} (checks/model/kinds/${service}.ts): ${Object.keys(spec.attrs).join(', ')}`,
    assert ? `    equals: ${assert.value}` : '    equals: TODO',
    '',
  ].join('\n');
}

function fixtureText(source: Source, side: 'pass' | 'fail', id: string, tfType: string, live: (typeof LIVE_RECORDS)[string] | undefined, names: AttributeNames, value: boolean | undefined): string {
  const what = side === 'pass' ? 'compliant' : 'not compliant';
  if (source === 'hcl') {
    const body = names.terraform && value !== undefined ? `  ${names.terraform} = ${value}` : `  # TODO the arguments the policy reads, ${what}`;
    const head = names.terraform && value !== undefined ? `# ${id}: ${what} (${names.terraform} = ${value}).` : `# ${id}: TODO say what makes this ${tfType} ${what}.`;
    const block = tfType.startsWith('data.') ? `data "${tfType.slice(5)}"` : `resource "${tfType}"`;
    return `${head}\n\nprovider "aws" {\n  region = "us-east-1"\n}\n\n${block} "main" {\n${body}\n}\n`;
  }
  if (source === 'plan') {
    const values = names.terraform && value !== undefined ? `{ ${names.terraform}: ${value} }` : `{ TODO: the arguments the policy reads, ${what} }`;
    return [
      `# ${id}: ${names.terraform && value !== undefined ? `${what} (${names.terraform} = ${value})` : `TODO say what makes this ${tfType} ${what}`}.`,
      '# Compact plan fixture: `ferpa-ready fixtures expand plan.yaml` shows the terraform show -json it stands for.',
      'resources:',
      `  - address: ${tfType}.main`,
      `    values: ${values}`,
      '',
    ].join('\n');
  }
  if (!live) {
    return `# ${id}: TODO the records (or accountSettings) of this kind as the collectors write them (checks/sources/live/collect), ${what}.\nresources: {}\n`;
  }
  const ids = Object.entries(live.ids('sis-main')).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  const field = names.live && value !== undefined ? `${names.live}: ${value}` : `TODO: the API fields the policy reads, ${what}`;
  return [
    `# ${id}: ${names.live && value !== undefined ? `${what} (${names.live}: ${value})` : `TODO say what makes this record ${what}`}.`,
    '# Compact live fixture: `ferpa-ready fixtures expand live.yaml` shows the snapshot it stands for.',
    'resources:',
    `  ${live.type}:`,
    `    - arn: ${JSON.stringify(live.arn('sis-main'))}`,
    `      data: { ${[...ids, field].join(', ')} }`,
    '',
  ].join('\n');
}

function expectText(sources: Source[], tfType: string, live: (typeof LIVE_RECORDS)[string] | undefined): string {
  const lines = ['# The findings the fail case must produce: hcl and plan by address, live by ARN.', 'findings:'];
  if (sources.some((s) => s !== 'live')) lines.push(`  - { address: ${tfType}.main, status: fail }`);
  if (sources.includes('live')) lines.push(live ? `  - { arn: ${JSON.stringify(live.arn('sis-main'))}, status: fail }` : '  - { arn: "TODO the ARN of the failing record", status: fail }');
  return `${lines.join('\n')}\n`;
}
