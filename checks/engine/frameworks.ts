import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../errors.js';
import { compileSchema, describeAjvError, schemaValidator } from '../util/schemas.js';
import type { Profile } from './types.js';

export interface FrameworkControl {
  id: string;
  title: string;
  family: string;
  sources: string;
  evidence: string[];
  primaryEvidence: string[];
  policies: string[];
  /** Application conformance checks (APP evidence) that evidence this control. */
  appChecks?: string[];
  requirement?: string;
  attestationHint?: string;
  /** What to attest, which documents, who signs and how often (controls that need evidence no scan produces). */
  attestationGuidance?: { attest: string; documents: string[]; signer: string; frequency: string };
  remediation?: string;
  /** The values the framework assigns to the control's parameters (FedRAMP assignments). */
  parameters?: string;
  /** Which part of the control the mapped policies evidence. */
  scope?: string;
  /** Per-mapping notes of which part of the control a policy evidences, by policy id. */
  mappingScopes?: Record<string, string>;
}

export interface Framework {
  framework: string;
  title: string;
  /** Short name for report titles (`FedRAMP Moderate`); not inherited through `extends`. */
  name?: string;
  version: string;
  families: Record<string, string>;
  controls: FrameworkControl[];
  extends?: string;
  controlPattern?: string;
  /** The parameters this framework fixes (its profile file, over the one of the framework it extends). */
  profile?: Partial<Profile>;
  /** Catalog policies with no counterpart in this framework, with the reason. */
  unmappedPolicies?: Record<string, string>;
}

export const DEFAULT_FRAMEWORK = 'ferpa';
const FRAMEWORK_SCHEMA = 'policies/schema/framework.schema.json';
const FRAMEWORK_FILE = /^[a-z0-9]+(-[a-z0-9]+)*\.ya?ml$/;
const PROFILE_FILE = /\.profile\.ya?ml$/;

type Mapping = string | { policy: string; scope: string };
type RawControl = Partial<Omit<FrameworkControl, 'id' | 'policies' | 'mappingScopes'>> & { policies?: Mapping[] };
interface RawFramework {
  framework: string;
  title: string;
  name?: string;
  version: string;
  extends?: string;
  profile?: string;
  controlPattern?: string;
  families?: Record<string, string>;
  controls: Record<string, RawControl>;
  unmappedPolicies?: Record<string, string>;
}

function readYaml(file: string, shown: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, shown);
  }
  try {
    return parseYaml(text);
  } catch (e) {
    throw new InputError(`not valid YAML: ${(e as Error).message.split('\n')[0]}`, shown);
  }
}

/** Framework files of a folder: `<id>.yaml`, not profiles (`<id>.profile.yaml`). */
export function frameworkFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => FRAMEWORK_FILE.test(f) && !PROFILE_FILE.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** A profile file, validated as the `profile` of a configuration file (unknown parameters are errors). */
export function loadProfileFile(file: string, shown: string): Partial<Profile> {
  const data = (readYaml(file, shown) ?? {}) as Record<string, unknown>;
  const validate = schemaValidator('policies/schema/config.schema.json');
  if (!validate({ profile: data })) throw new InputError(describeAjvError(validate.errors).replace(/^\/profile/, '') || '/', shown);
  return data as Partial<Profile>;
}

function readRaw(file: string, root: string): { raw: RawFramework; shown: string } {
  const shown = relative(root, file) || file;
  const data = readYaml(file, shown);
  const validate = schemaValidator(FRAMEWORK_SCHEMA);
  if (!validate(data)) throw new InputError(describeAjvError(validate.errors), shown);
  const raw = data as RawFramework;
  const expected = file.split(/[\\/]/).pop()!.replace(/\.ya?ml$/, '');
  if (raw.framework !== expected) throw new InputError(`/framework: "${raw.framework}" must equal the file name "${expected}"`, shown);
  return { raw, shown };
}

function normalise(id: string, c: RawControl): FrameworkControl {
  const policies: string[] = [];
  const scopes: Record<string, string> = {};
  for (const m of c.policies ?? []) {
    if (typeof m === 'string') policies.push(m);
    else {
      policies.push(m.policy);
      scopes[m.policy] = m.scope;
    }
  }
  const { policies: _omit, ...rest } = c;
  const out = { id, ...rest, policies } as FrameworkControl;
  if (Object.keys(scopes).length) out.mappingScopes = scopes;
  return out;
}

/**
 * Read, validate and resolve every framework of `<policyDir>/frameworks`: `extends` chains applied
 * (controls, families, profile, unmappedPolicies inherited; an entry changes only the fields it names),
 * profiles read, control ids checked against the framework's pattern and families.
 */
export function loadFrameworks(policyDir: string): Framework[] {
  const dir = join(policyDir, 'frameworks');
  const root = join(policyDir, '..');
  const raws = new Map<string, { raw: RawFramework; shown: string; file: string }>();
  for (const file of frameworkFiles(dir)) {
    const r = readRaw(file, root);
    raws.set(r.raw.framework, { ...r, file });
  }
  const resolved = new Map<string, Framework>();
  const resolving = new Set<string>();
  const resolveOne = (id: string): Framework => {
    const done = resolved.get(id);
    if (done) return done;
    const entry = raws.get(id)!;
    const { raw, shown, file } = entry;
    if (resolving.has(id)) throw new InputError(`/extends: "${raw.extends}" extends this framework in turn`, shown);
    resolving.add(id);
    let base: Framework | undefined;
    if (raw.extends) {
      if (!raws.has(raw.extends)) throw new InputError(`/extends: no framework "${raw.extends}" in ${relative(root, dir) || dir}`, shown);
      base = resolveOne(raw.extends);
    }
    const controls = new Map<string, FrameworkControl>((base?.controls ?? []).map((c) => [c.id, { ...c }]));
    for (const [cid, c] of Object.entries(raw.controls)) {
      const own = normalise(cid, c);
      const inherited = controls.get(cid);
      if (!inherited) {
        controls.set(cid, own);
        continue;
      }
      const merged: FrameworkControl = { ...inherited, ...own };
      if (c.policies === undefined) merged.policies = inherited.policies;
      if (c.policies === undefined && inherited.mappingScopes) merged.mappingScopes = inherited.mappingScopes;
      else if (c.policies !== undefined && !own.mappingScopes) delete merged.mappingScopes;
      controls.set(cid, merged);
    }
    let profile: Partial<Profile> | undefined = base?.profile ? { ...base.profile } : undefined;
    if (raw.profile) {
      const pfile = resolve(dirname(file), raw.profile);
      if (!pfile.startsWith(resolve(policyDir) + sep)) throw new InputError(`/profile: "${raw.profile}" must be inside the policy folder`, shown);
      profile = { ...(profile ?? {}), ...loadProfileFile(pfile, relative(root, pfile)) };
    }
    const fw: Framework = {
      framework: raw.framework,
      title: raw.title,
      version: raw.version,
      families: { ...(base?.families ?? {}), ...(raw.families ?? {}) },
      controls: [...controls.values()],
    };
    if (raw.name) fw.name = raw.name;
    const extendsId = raw.extends;
    if (extendsId) fw.extends = extendsId;
    const pattern = raw.controlPattern ?? base?.controlPattern;
    if (pattern) fw.controlPattern = pattern;
    if (profile) fw.profile = profile;
    const unmapped = { ...(base?.unmappedPolicies ?? {}), ...(raw.unmappedPolicies ?? {}) };
    if (Object.keys(unmapped).length) fw.unmappedPolicies = unmapped;
    checkResolved(fw, shown);
    resolving.delete(id);
    resolved.set(id, fw);
    return fw;
  };
  return [...raws.keys()].map(resolveOne);
}

let resolvedValidator: ReturnType<typeof compileSchema> | undefined;

/** What the schema cannot say about one file alone: complete controls after `extends`, ids by pattern, known families. */
function checkResolved(fw: Framework, shown: string): void {
  schemaValidator(FRAMEWORK_SCHEMA);
  resolvedValidator ??= compileSchema({ $ref: 'https://ferpa-ready.dev/schema/framework.schema.json#/definitions/resolved' });
  const asFile = { ...fw, controls: Object.fromEntries(fw.controls.map(({ id, mappingScopes: _m, ...c }) => [id, c])) };
  if (!resolvedValidator(asFile)) throw new InputError(`${describeAjvError(resolvedValidator.errors)} (after extends)`, shown);
  let pattern: RegExp | undefined;
  try {
    pattern = fw.controlPattern ? new RegExp(fw.controlPattern) : undefined;
  } catch {
    throw new InputError('/controlPattern: not a regular expression', shown);
  }
  for (const c of fw.controls) {
    if (pattern && !pattern.test(c.id)) throw new InputError(`/controls/${c.id}: id does not match controlPattern ${fw.controlPattern}`, shown);
    if (!(c.family in fw.families)) throw new InputError(`/controls/${c.id}/family: "${c.family}" is not one of the families`, shown);
  }
}
