import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { defaultProfile } from '../../checks/engine/config.js';
import type { Finding } from '../../checks/engine/types.js';
import { scanPaths } from '../../checks/pipeline/scan.js';

export const POLICY = 'aws-no-plaintext-credentials-in-config';
const catalog = loadCatalog();
const config = { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] };

/** Write files (path -> text or JSON) into a fresh temporary directory and return it. */
export function tree(files: Record<string, string | object>): string {
  const dir = mkdtempSync(join(tmpdir(), 'frcreds-'));
  for (const [p, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), typeof body === 'string' ? body : JSON.stringify(body));
  }
  return dir;
}

/** The whole pipeline (sources, adapters, linker, engine) over paths; findings of one policy (all when omitted). */
export async function scan(paths: string[], policy: string | undefined = POLICY, hcl?: { vars?: Record<string, string> }): Promise<Finding[]> {
  const { results } = await scanPaths(paths, { config, catalog, now: new Date('2026-11-22T00:00:00Z'), cwd: dirname(paths[0]!), ...(hcl ? { hcl } : {}) });
  return policy ? results.findings.filter((f) => f.policyId === policy) : results.findings;
}

export function byAddress(findings: Finding[]): Record<string, string> {
  return Object.fromEntries(findings.map((f) => [f.resource.address ?? f.resource.arn ?? '', f.status]));
}

/** A minimal `terraform show -json` plan: resources (address, type, values, constant expressions), providers, variables. */
export function plan(opts: {
  resources?: Array<{ type: string; name: string; values: Record<string, unknown>; expressions?: Record<string, unknown>; afterUnknown?: Record<string, unknown>; afterSensitive?: Record<string, unknown> }>;
  providers?: Record<string, Record<string, unknown>>;
  variables?: Record<string, { value: unknown; sensitive?: boolean }>;
  moduleCalls?: Record<string, unknown>;
}): object {
  const resources = opts.resources ?? [];
  const variables = opts.variables ?? {};
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    variables: Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, { value: v.value }])),
    planned_values: {
      root_module: {
        resources: resources.map((r) => ({ address: `${r.type}.${r.name}`, mode: 'managed', type: r.type, name: r.name, provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values: r.values, sensitive_values: r.afterSensitive ?? {} })),
      },
    },
    resource_changes: resources.map((r) => ({
      address: `${r.type}.${r.name}`,
      mode: 'managed',
      type: r.type,
      name: r.name,
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: ['create'], before: null, after: r.values, after_unknown: r.afterUnknown ?? {}, before_sensitive: false, after_sensitive: r.afterSensitive ?? {} },
    })),
    configuration: {
      provider_config: opts.providers ?? { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: { constant_value: 'us-east-1' } } } },
      root_module: {
        resources: resources.map((r) => ({ address: `${r.type}.${r.name}`, mode: 'managed', type: r.type, name: r.name, provider_config_key: 'aws', expressions: r.expressions ?? {}, schema_version: 0 })),
        variables: Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, v.sensitive ? { sensitive: true } : {}])),
        ...(opts.moduleCalls ? { module_calls: opts.moduleCalls } : {}),
      },
    },
    timestamp: '2026-11-20T10:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
  };
}
