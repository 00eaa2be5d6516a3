import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { packagePath } from '../util/package-root.js';
import { parse as parseYaml, parseDocument } from 'yaml';
import { InputError } from '../errors.js';
import { describeAjvError, schemaValidator } from '../util/schemas.js';
import type { Attestation, Profile, Severity, Waiver } from './types.js';
import { pushAll } from '../util/push-all.js';

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

/** Calendar-valid YYYY-MM-DD (ajv's `date` format accepts 2026-02-30 in some versions; we do not). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function readYamlStrict(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read configuration (${(e as NodeJS.ErrnoException).code ?? 'error'})`, file);
  }
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) throw new InputError(`not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`, file);
  return doc.toJS() ?? {};
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
