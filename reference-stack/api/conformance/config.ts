// The conformance suite's configuration (YAML): which tenants to test and a credential per role.
// Credentials may be given inline (test setups) or, better, by the name of an environment variable.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { ConfigError } from '../src/errors.js';
import type { Role } from '../src/spec.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => void;

export interface Credential {
  apiKey?: string;
  apiKeyEnv?: string;
  bearer?: string;
  bearerEnv?: string;
}

export interface ConformanceConfig {
  /** School whose records the suite creates and reads; the `roles` users belong to it (or its district). */
  schoolId: string;
  districtId: string;
  /** Credentials for each role, scoped to schoolId / districtId. */
  roles: Partial<Record<Role, Credential>>;
  /** Users of another school (and optionally another district) who must not reach schoolId's records. */
  otherTenants: Array<{ label: string; credential: Credential }>;
  /** The Purpose header value sent with every call. */
  purpose?: string;
}

const cred = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  properties: { apiKey: { type: 'string', minLength: 1 }, apiKeyEnv: { type: 'string', minLength: 1 }, bearer: { type: 'string', minLength: 1 }, bearerEnv: { type: 'string', minLength: 1 } },
};
const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['schoolId', 'districtId', 'roles', 'otherTenants'],
  properties: {
    schoolId: { type: 'string', minLength: 1 },
    districtId: { type: 'string', minLength: 1 },
    purpose: { type: 'string', minLength: 1 },
    roles: {
      type: 'object',
      additionalProperties: false,
      required: ['school_admin'],
      properties: { teacher: cred, school_admin: cred, district_admin: cred, system_admin: cred },
    },
    otherTenants: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', additionalProperties: false, required: ['label', 'credential'], properties: { label: { type: 'string', minLength: 1 }, credential: cred } },
    },
  },
};

export function parseConfig(text: string, file = 'conformance config'): ConformanceConfig {
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw new ConfigError(`not valid YAML: ${(e as Error).message.split('\n')[0]}`, file);
  }
  const ajv = new Ajv({ allErrors: false, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(SCHEMA);
  if (!validate(data)) {
    const e = validate.errors![0]!;
    throw new ConfigError(`${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`, file);
  }
  return data as unknown as ConformanceConfig;
}

export function loadConfigFile(path: string): ConformanceConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError('cannot be read', path);
  }
  return parseConfig(text, path);
}

/** HTTP headers carrying the credential; reads environment variables named by the config. */
export function credentialHeaders(c: Credential): Record<string, string> {
  const fromEnv = (name: string) => {
    const v = process.env[name];
    if (!v) throw new ConfigError(`environment variable ${name} (named by the conformance config) is not set`);
    return v;
  };
  if (c.apiKey) return { 'x-api-key': c.apiKey };
  if (c.apiKeyEnv) return { 'x-api-key': fromEnv(c.apiKeyEnv) };
  if (c.bearer) return { authorization: `Bearer ${c.bearer}` };
  return { authorization: `Bearer ${fromEnv(c.bearerEnv!)}` };
}
