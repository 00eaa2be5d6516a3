import type { Val } from '../../model/value.js';
import { UNKNOWN, isSensitive, isUnknown, type Location } from '../../model/value.js';
import { isSecretKeyName, looksLikeSecretValue } from '../../engine/redact.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { locOf, withAddress } from './helpers.js';

/**
 * Account-wide facts of a Terraform scan that no single resource holds: the regions in use (data
 * residency, FERPA-GOV-03) and credential-looking literals anywhere in the configuration (FERPA-SEC-02).
 */

/** Types that are global (not stored in the provider's region), so their provider region says nothing about residency. */
const GLOBAL_TYPE = /^aws_(iam_|route53_(?!resolver)|cloudfront_|organizations_|budgets_|ce_|shield_protection_group|account_)/;

/**
 * `opaqueModules`: modules whose resources could not be read; their regions are unknown, so the
 * residency verdict cannot be a pass (never a false pass on missing data).
 */
export function regionAttrs(records: TfRecord[], input: string, opaqueModules: string[] = []): { regions: Val; providerRegions: Val } {
  const byRegion = new Map<string, { count: number; example: string; loc: Location }>();
  let unknownUse: { count: number; example: string; loc: Location } | undefined;
  let any = false;
  for (const rec of records) {
    if (rec.mode !== 'managed' || !rec.type.startsWith('aws_') || GLOBAL_TYPE.test(rec.type)) continue;
    any = true;
    const loc = withAddress(rec);
    if (!rec.region) {
      unknownUse ??= { count: 0, example: rec.address, loc };
      unknownUse.count++;
      continue;
    }
    const cur = byRegion.get(rec.region) ?? { count: 0, example: rec.address, loc };
    cur.count++;
    byRegion.set(rec.region, cur);
  }
  const loc: Location = { file: input };
  for (const m of opaqueModules) {
    any = true;
    unknownUse ??= { count: 0, example: `${m} (not read)`, loc };
    unknownUse.count++;
  }
  if (!any) return { regions: { value: [], origin: 'default', loc }, providerRegions: { value: [], origin: 'default', loc } };
  const entries = [...byRegion.entries()].sort(([a], [b]) => a.localeCompare(b));
  const providerRegions = entries.map(([region, u]) => ({ region, resources: u.count, example: u.example, _loc: u.loc }));
  if (unknownUse) providerRegions.push({ region: UNKNOWN as unknown as string, resources: unknownUse.count, example: unknownUse.example, _loc: unknownUse.loc });
  const names: unknown[] = entries.map(([r]) => r);
  if (unknownUse) names.push(UNKNOWN);
  return { regions: { value: names, origin: 'explicit', loc }, providerRegions: { value: providerRegions, origin: 'explicit', loc } };
}

/** Enumerated settings that share a secret-sounding name (`http_tokens = "required"`, `api_key_source = "HEADER"`). */
const NOT_A_SECRET = /^(required|optional|disabled|enabled|none|true|false|header|authorizer|[A-Z][A-Z0-9_]*)$/;
/** Keys whose values are references or switches rather than secrets, beyond what isSecretKeyName excludes; keys with `:`, `.` or `/` are IAM condition keys, domains or paths (`token.actions.githubusercontent.com:sub`). */
const NON_SECRET_KEY = /(_file|_path|_header|_type|_source|_policy|_version|_stage|_stages|_days|_mode|_arns|_ids|_names)$|[:./]/i;

function plausibleLiteral(v: string): boolean {
  const t = v.trim();
  if (t.length < 4) return false;
  if (NOT_A_SECRET.test(t)) return false;
  if (/^(arn:|\$\{|\{\{resolve:|data\.|var\.|local\.)/.test(t)) return false;
  return true;
}

export interface CredentialUse {
  address: string;
  attribute: string;
  reason: string;
  _loc: Location;
}

function walk(v: unknown, path: string, key: string | undefined, rec: TfRecord, out: CredentialUse[], depth: number): void {
  if (depth > 12 || v === null || v === undefined || isUnknown(v) || isSensitive(v)) return;
  const top = path.split(/[.[]/)[0] ?? path;
  const push = (reason: string, at = path): void => {
    out.push({ address: rec.address, attribute: at, reason, _loc: locOf(rec, top) });
  };
  if (typeof v === 'string') {
    if (looksLikeSecretValue(v)) return push('value looks like a credential (access key id, private key, token or URL with a password)');
    if (key && isSecretKeyName(key) && !NON_SECRET_KEY.test(key) && plausibleLiteral(v)) return push(`literal value under the secret-named key "${key}"`);
    const t = v.trim();
    if ((t.startsWith('{') || t.startsWith('[')) && t.length < 200_000) {
      try {
        walk(JSON.parse(t), path, key, rec, out, depth + 1);
      } catch {
        /* not JSON */
      }
    }
    return;
  }
  if (Array.isArray(v)) {
    v.forEach((x, i) => walk(x, `${path}[${i}]`, key, rec, out, depth + 1));
    return;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // {name, value} pairs (ECS environment, Elastic Beanstalk settings): judge the value by the name.
    if (typeof o.name === 'string' && typeof o.value === 'string' && isSecretKeyName(o.name) && !NON_SECRET_KEY.test(o.name) && plausibleLiteral(o.value)) {
      push(`plain value for "${o.name}"`, `${path}.value`);
      return;
    }
    for (const [k, x] of Object.entries(o)) {
      if (k.startsWith('_') || (depth === 0 && k === 'tags_all')) continue;
      walk(x, path ? `${path}.${k}` : k, k, rec, out, depth + 1);
    }
  }
}

export function plaintextCredentialsAttr(records: TfRecord[], input: string): Val {
  const out: CredentialUse[] = [];
  for (const rec of records) walk(rec.values, '', undefined, rec, out, 0);
  return { value: out, origin: 'explicit', loc: { file: input } };
}
