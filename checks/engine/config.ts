import { existsSync, readFileSync } from 'node:fs';
import { readInputText } from '../util/input-file.js';
import { valueNestingProblem } from '../util/json-depth.js';
import { dirname, resolve } from 'node:path';
import { packagePath } from '../util/package-root.js';
import { parse as parseYaml, parseDocument } from 'yaml';
import { InputError } from '../errors.js';
import { describeAjvError, schemaValidator } from '../util/schemas.js';
import type { Attestation, Profile, Severity, Waiver } from './types.js';
import { pushAll } from '../util/push-all.js';
import { isRealDate } from '../util/dates.js';
import { globToRegExp } from './waivers.js';

export const DEFAULT_CONFIG_FILE = '.ferpa-ready.yaml';

export interface Config {
  file?: string;
  profile: Profile;
  /** The values `profile:` of the configuration file sets (profile = the defaults with these over them). */
  profileOverrides?: Partial<Profile>;
  /** `frameworkProfiles:`: the organisation's values for other frameworks' parameters, by framework id. */
  frameworkProfiles?: Record<string, Partial<Profile>>;
  failOn?: Severity | 'none';
  /** `error` findings (checks that could not be decided) do not make the exit status 1. */
  allowErrors?: boolean;
  policyDirs: string[];
  disable: string[];
  waivers: Waiver[];
  attestations: Attestation[];
}

export function defaultProfile(): Profile {
  const file = packagePath('policies/profile.default.yaml');
  return parseYaml(readFileSync(file, 'utf8')) as Profile;
}

/** The YAML library's message, first line; its recursion running out (it records that as an error) is nesting, said plainly. */
export function yamlReason(e: unknown): string {
  const msg = (e as Error)?.message ?? String(e);
  return e instanceof RangeError || /Maximum call stack/.test(msg) ? 'nested too deeply' : msg.split('\n')[0]!;
}

function readYamlStrict(file: string): unknown {
  const text = readInputText(file, file, 'a configuration file');
  let data: unknown;
  try {
    const doc = parseDocument(text, { prettyErrors: false });
    if (doc.errors.length) throw new InputError(`not valid YAML: ${yamlReason(doc.errors[0]!)}`, file);
    data = doc.toJS() ?? {};
  } catch (e) {
    if (e instanceof InputError) throw e;
    // the YAML library's own limits (alias expansion, nesting it cannot build)
    throw new InputError(`not valid YAML: ${yamlReason(e)}`, file);
  }
  const deep = valueNestingProblem(data);
  if (deep) throw new InputError(deep, file);
  return data;
}

/**
 * Load `.ferpa-ready.yaml` (explicit path, or the default file in cwd when present). Unknown keys,
 * wrong types and bad dates are InputErrors naming the key's path.
 */
export function loadConfig(explicit?: string, cwd = process.cwd()): Config {
  const file = explicit ? resolve(cwd, explicit) : resolve(cwd, DEFAULT_CONFIG_FILE);
  const base: Config = { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] };
  if (!existsSync(file)) {
    if (explicit) throw new InputError('configuration file not found', explicit);
    return base;
  }
  const shown = explicit ?? DEFAULT_CONFIG_FILE;
  const data = readYamlStrict(file) as Record<string, unknown>;
  const validate = schemaValidator('policies/schema/config.schema.json');
  if (!validate(data)) throw new InputError(describeAjvError(validate.errors), shown);
  const cfg = data as {
    profile?: Partial<Profile>;
    frameworkProfiles?: Record<string, Partial<Profile>>;
    failOn?: Severity | 'none';
    allowErrors?: boolean;
    policies?: string[];
    disable?: string[];
    waivers?: Waiver[];
    attestations?: Attestation[];
    attestationFiles?: string[];
  };
  (cfg.waivers ?? []).forEach((w, i) => {
    if (!isRealDate(w.expires)) throw new InputError(`/waivers/${i}/expires: "${w.expires}" is not a real date (YYYY-MM-DD)`, shown);
    for (const k of ['policy', 'resource'] as const) {
      const glob = w[k];
      if (glob === undefined) continue;
      try {
        globToRegExp(glob).test(''); // V8 compiles a pattern on first use: too large fails only there
      } catch (e) {
        throw new InputError(`/waivers/${i}/${k}: not a usable pattern (${(e as Error).message.replace(/^Invalid regular expression: \/.*\/: /s, '')})`, shown);
      }
    }
  });
  const attestations = [...(cfg.attestations ?? [])];
  for (const extra of cfg.attestationFiles ?? []) pushAll(attestations, loadAttestationFile(resolve(dirname(file), extra), extra));
  attestations.forEach((a, i) => {
    for (const k of ['date', 'expires'] as const) {
      const v = a[k];
      if (v !== undefined && !isRealDate(v)) throw new InputError(`/attestations/${i}/${k}: "${v}" is not a real date (YYYY-MM-DD)`, shown);
    }
  });
  return {
    file: shown,
    profile: { ...base.profile, ...(cfg.profile ?? {}) } as Profile,
    ...(cfg.profile ? { profileOverrides: cfg.profile } : {}),
    ...(cfg.frameworkProfiles ? { frameworkProfiles: cfg.frameworkProfiles } : {}),
    failOn: cfg.failOn,
    ...(cfg.allowErrors !== undefined ? { allowErrors: cfg.allowErrors } : {}),
    policyDirs: (cfg.policies ?? []).map((d) => resolve(dirname(file), d)),
    disable: cfg.disable ?? [],
    waivers: (cfg.waivers ?? []).map((w) => ({ ...w, origin: shown })),
    attestations,
  };
}

/** A separate attestations file: `attestations: [...]`, validated with the same schema. */
export function loadAttestationFile(file: string, shown = file): Attestation[] {
  const data = readYamlStrict(file) as Record<string, unknown>;
  const validate = schemaValidator('policies/schema/config.schema.json');
  const wrapped = { attestations: Array.isArray(data) ? data : (data as { attestations?: unknown }).attestations };
  if (!wrapped.attestations) throw new InputError('/attestations: required', shown);
  if (!validate(wrapped)) throw new InputError(describeAjvError(validate.errors), shown);
  const list = wrapped.attestations as Attestation[];
  list.forEach((a, i) => {
    for (const k of ['date', 'expires'] as const) {
      const v = a[k];
      if (v !== undefined && !isRealDate(v)) throw new InputError(`/attestations/${i}/${k}: "${v}" is not a real date (YYYY-MM-DD)`, shown);
    }
  });
  return list;
}
