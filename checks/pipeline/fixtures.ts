import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Catalog } from '../engine/catalog.js';
import { yamlReason, type Config } from '../engine/config.js';
import { InputError } from '../errors.js';
import { readInputText } from '../util/input-file.js';
import type { Policy } from '../engine/policy.js';
import type { Finding, Profile, Status } from '../engine/types.js';
import type { SourceKind } from '../model/resource.js';
import { scanPaths } from './scan.js';

/** The fixture file each source reads, inside `fixtures/<policy-id>/{pass,fail}/`. */
export const FIXTURE_FILE: Record<SourceKind, string> = { hcl: 'main.tf', plan: 'plan.json', live: 'live.json', app: 'app.json' };

export interface ExpectedFinding {
  address?: string;
  arn?: string;
  status?: Status;
  source?: SourceKind;
}

export interface FixtureResult {
  policy: string;
  source: SourceKind;
  expectation: 'pass' | 'fail';
  ok: boolean;
  problems: string[];
  findings: Finding[];
}

/** A fixture's YAML file (bounded read; a syntax error is one line naming it). */
function readFixtureYaml(file: string): unknown {
  const text = readInputText(file, file, 'a YAML file');
  try {
    return parseYaml(text);
  } catch (e) {
    throw new InputError(`not valid YAML: ${yamlReason(e)}`, file);
  }
}

function readExpect(file: string): ExpectedFinding[] {
  if (!existsSync(file)) return [];
  const data = readFixtureYaml(file) as { findings?: ExpectedFinding[] } | null;
  return data?.findings ?? [];
}

/** A fixture folder may set profile values (`profile.yaml`), e.g. a DPA with a shorter disposition window. */
function readProfileOverride(file: string): Partial<Profile> {
  if (!existsSync(file)) return {};
  return (readFixtureYaml(file) as Partial<Profile> | null) ?? {};
}

function appliesTo(e: ExpectedFinding, source: SourceKind): boolean {
  if (e.source) return e.source === source;
  return source === 'live' ? Boolean(e.arn) : Boolean(e.address);
}

/**
 * Run one policy's fixtures for every source it declares. A pass case must produce at least one `pass`
 * for the policy and no `fail`; a fail case must produce every finding `expect.yaml` lists for that
 * source, and at least one `fail`.
 */
export async function runPolicyFixtures(policy: Policy, fixturesRoot: string, config: Config, catalog: Catalog): Promise<FixtureResult[]> {
  const out: FixtureResult[] = [];
  const single: Catalog = { ...catalog, policies: [policy], byId: new Map([[policy.id, policy]]) };
  const now = new Date('2026-01-01T00:00:00Z');
  for (const source of policy.sources) {
    for (const expectation of ['pass', 'fail'] as const) {
      const dir = join(fixturesRoot, policy.id, expectation);
      const file = join(dir, FIXTURE_FILE[source]);
      const problems: string[] = [];
      let findings: Finding[] = [];
      if (!existsSync(file)) {
        out.push({ policy: policy.id, source, expectation, ok: false, problems: [`missing fixture ${file}`], findings });
        continue;
      }
      try {
        const input = source === 'hcl' ? dir : file;
        const profile = { ...config.profile, ...readProfileOverride(join(dir, 'profile.yaml')) };
        const { results } = await scanPaths([input], { config: { ...config, profile, waivers: [], disable: [] }, catalog: single, now, cwd: dir });
        findings = results.findings.filter((f) => f.policyId === policy.id);
      } catch (e) {
        problems.push(`scan failed: ${(e as Error).message}`);
      }
      if (!problems.length) {
        if (expectation === 'pass') {
          if (!findings.some((f) => f.status === 'pass')) problems.push(`vacuous: no pass finding (${describe(findings)})`);
          const bad = findings.filter((f) => f.status === 'fail');
          if (bad.length) problems.push(`unexpected fail: ${describe(bad)}`);
        } else {
          if (!findings.some((f) => f.status === 'fail')) problems.push(`no fail finding (${describe(findings)})`);
          for (const e of readExpect(join(dir, 'expect.yaml')).filter((x) => appliesTo(x, source))) {
            const want = e.status ?? 'fail';
            const hit = findings.find((f) => (e.address ? f.resource.address === e.address : f.resource.arn === e.arn) && f.status === want);
            if (!hit) problems.push(`expected ${want} on ${e.address ?? e.arn}, got ${describe(findings)}`);
          }
        }
      }
      out.push({ policy: policy.id, source, expectation, ok: problems.length === 0, problems, findings });
    }
  }
  return out;
}

function describe(findings: Finding[]): string {
  if (!findings.length) return 'no findings';
  return findings.map((f) => `${f.status} ${f.resource.address ?? f.resource.arn}`).join(', ');
}
