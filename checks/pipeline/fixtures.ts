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
import { FIXTURE_FORMS, fixtureInput, placeholderFiles, type FixtureInput } from '../authoring/fixture-files.js';
import { scanPaths } from './scan.js';
import { catalogUnderTest, describeFindings as describe } from './policy-tester.js';

/** The fixture file each source reads, inside `fixtures/<policy-id>/{pass,fail}/` (plan and live also accept the compact `plan.yaml`, `live.yaml`). */
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
  const single = catalogUnderTest(policy, catalog);
  const now = new Date('2026-01-01T00:00:00Z');
  for (const source of policy.sources) {
    for (const expectation of ['pass', 'fail'] as const) {
      const dir = join(fixturesRoot, policy.id, expectation);
      const problems: string[] = [];
      let findings: Finding[] = [];
      let input: FixtureInput | undefined;
      try {
        input = fixtureInput(dir, source);
        if (!input) {
          out.push({ policy: policy.id, source, expectation, ok: false, problems: [`missing fixture ${join(dir, FIXTURE_FILE[source])}${FIXTURE_FORMS[source].compact ? ` (or ${FIXTURE_FORMS[source].compact})` : ''}`], findings });
          continue;
        }
        const todo = placeholderFiles(dir);
        if (todo.length) problems.push(`TODO placeholders left in ${todo.join(', ')}`);
        const profile = { ...config.profile, ...readProfileOverride(join(dir, 'profile.yaml')) };
        const { results } = await scanPaths([input.path], { config: { ...config, profile, waivers: [], disable: [] }, catalog: single, now, cwd: input.cwd });
        findings = results.findings.filter((f) => f.policyId === policy.id);
      } catch (e) {
        problems.push(`scan failed: ${(e as Error).message}`);
      } finally {
        input?.dispose();
      }
      if (!problems.length) {
        if (expectation === 'pass') {
          if (!findings.some((f) => f.status === 'pass')) problems.push(`vacuous: no pass finding (${describe(findings)})`);
          const bad = findings.filter((f) => f.status === 'fail');
          if (bad.length) problems.push(`unexpected fail: ${describe(bad)}`);
        } else {
          const expected = readExpect(join(dir, 'expect.yaml')).filter((x) => appliesTo(x, source));
          // A gap a policy reports as unknown (aws-data-store-evaluated) is what its failing fixture expects instead of a fail.
          const gap = policy.gateUnknown && expected.length > 0 && expected.every((e) => e.status === 'unknown') ? 'unknown' : 'fail';
          if (!findings.some((f) => f.status === gap)) problems.push(`no ${gap} finding (${describe(findings)})`);
          for (const e of expected) {
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
