import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { adaptTerraform } from '../../checks/adapters/terraform/index.js';
import { linkModel } from '../../checks/adapters/link.js';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { runPolicies } from '../../checks/engine/run.js';
import type { Finding, Profile } from '../../checks/engine/types.js';
import type { Model } from '../../checks/model/model.js';
import type { TfRecord } from '../../checks/sources/terraform/record.js';

export const PROFILE = parseYaml(readFileSync(join(__dirname, '../../policies/profile.default.yaml'), 'utf8')) as Profile;
export const CATALOG = loadCatalog();

/** A TfRecord as a Terraform source would produce it; `configured` defaults to every top-level key of `values`. */
export function rec(
  address: string,
  values: Record<string, unknown>,
  opts: { references?: Record<string, string[]>; configured?: string[] | null; source?: 'hcl' | 'plan'; region?: string; mode?: 'managed' | 'data' } = {},
): TfRecord {
  const parts = address.replace(/\[[^\]]*\]$/, '').split('.');
  const [type, name] = parts.slice(-2) as [string, string];
  const configured = opts.configured === null ? undefined : new Set(opts.configured ?? Object.keys(values));
  return {
    address,
    mode: opts.mode ?? (parts.includes('data') ? 'data' : 'managed'),
    type,
    name,
    modulePath: '',
    values,
    references: opts.references ?? {},
    ...(configured ? { configured } : {}),
    actions: ['create'],
    loc: { file: 'plan.json', address },
    input: 'plan.json',
    source: opts.source ?? 'plan',
    ...(opts.region ? { region: opts.region } : {}),
  };
}

export function model(records: TfRecord[]): Model {
  return linkModel(adaptTerraform(records, 'plan'));
}

/** Findings of one policy over a model built from records, with the default profile. */
export function findings(policyId: string, records: TfRecord[], profile: Profile = PROFILE): Finding[] {
  const policy = CATALOG.byId.get(policyId);
  if (!policy) throw new Error(`no policy ${policyId}`);
  return runPolicies([policy], model(records), { profile, checks: CATALOG.checks });
}

export function statusOf(policyId: string, records: TfRecord[], address: string, profile?: Profile): string | undefined {
  return findings(policyId, records, profile).find((f) => f.resource.address === address)?.status;
}

export const doc = (...Statement: unknown[]): string => JSON.stringify({ Version: '2012-10-17', Statement });
