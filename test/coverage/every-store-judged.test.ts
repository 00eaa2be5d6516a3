// Issue 14's judging rule: every type on the data-store list that the model knows (an entry with kinds) has a
// policy in each source it can appear in, and a scan of one resource of every such type leaves no data store
// unevaluated. Entries without kinds are stores the model does not know yet: each must show as an unknown of
// aws-data-store-evaluated in every source, never as nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { defaultProfile, type Config } from '../../checks/engine/config.js';
import type { Results } from '../../checks/engine/types.js';
import { scanPaths } from '../../checks/pipeline/scan.js';
import { TF_ADAPTERS } from '../../checks/adapters/terraform/index.js';
import { LIVE_ADAPTERS } from '../../checks/adapters/live/index.js';
import { expandCompactPlan } from '../../checks/authoring/plan-fixture.js';
import { expandCompactLive } from '../../checks/authoring/live-fixture.js';
import { serializeSnapshot } from '../../checks/sources/live/snapshot.js';

const catalog = loadCatalog();
const { dataStores } = catalog;
const config: Config = { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] };
const META = 'aws.data-store';
const TAGS = { DataClassification: 'student-data' };

function sourcesOf(kind: string): Set<string> {
  return new Set(catalog.policies.filter((p) => p.resource === kind).flatMap((p) => p.sources));
}

async function scan(file: string): Promise<Results> {
  return (await scanPaths([file], { config, catalog, now: new Date('2026-12-01T00:00:00Z'), cwd: tmpdir(), hcl: { env: {} } })).results;
}

function notEvaluated(r: Results): string[] {
  return r.findings.filter((f) => f.policyId === 'aws-data-store-evaluated' && f.status !== 'pass').map((f) => `${f.status}: ${f.message}`);
}

const modelled = dataStores.entries.filter((e) => e.kinds?.length);
const unmodelled = dataStores.entries.filter((e) => !e.kinds?.length);
const terraformTypes = modelled.flatMap((e) => e.terraform);

describe('every type on the data-store list is judged in every source', () => {
  it('each entry names its model kinds, and each kind has a policy for HCL, plan and live', () => {
    const gaps: string[] = [];
    for (const e of unmodelled) {
      // a type an adapter maps is modelled: its entry must name the kinds (and be judged)
      for (const t of e.terraform) if (TF_ADAPTERS[t]) gaps.push(`${e.name}: ${t} has a Terraform adapter but the entry names no kind`);
      for (const t of e.live) if (LIVE_ADAPTERS[t]) gaps.push(`${e.name}: ${t} has a live adapter but the entry names no kind`);
    }
    for (const e of modelled) {
      const covered = new Set(e.kinds!.flatMap((k) => [...sourcesOf(k)]));
      for (const s of ['hcl', 'plan', 'live']) if (!covered.has(s)) gaps.push(`${e.name}: no ${s} policy for ${e.kinds!.join(', ')}`);
      for (const t of e.terraform) if (!TF_ADAPTERS[t]) gaps.push(`${e.name}: ${t} has no Terraform adapter`);
      for (const t of e.live) if (!LIVE_ADAPTERS[t]) gaps.push(`${e.name}: ${t} has no live adapter`);
    }
    expect(gaps).toEqual([]);
    expect(catalog.policies.some((p) => p.resource === META)).toBe(true);
  });

  it('HCL: one resource of each listed Terraform type, all evaluated by some policy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frstores-hcl-'));
    const file = join(dir, 'main.tf');
    writeFileSync(file, terraformTypes.map((t) => `resource "${t}" "x" {\n  tags = { DataClassification = "student-data" }\n}\n`).join('\n'));
    const r = await scan(dir);
    const evaluated = r.findings.filter((f) => f.policyId === 'aws-data-store-evaluated');
    expect(evaluated.length).toBeGreaterThanOrEqual(terraformTypes.length - 5); // split resources merge into their parent
    expect(notEvaluated(r)).toEqual([]);
  });

  it('plan: the same resources in a plan, all evaluated by some policy', async () => {
    const plan = expandCompactPlan({ resources: terraformTypes.map((t) => ({ address: `${t}.x`, values: { tags: TAGS } })) }, 'every-store plan');
    const dir = mkdtempSync(join(tmpdir(), 'frstores-plan-'));
    const file = join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify(plan));
    const r = await scan(file);
    expect(r.findings.filter((f) => f.policyId === 'aws-data-store-evaluated').length).toBeGreaterThan(0);
    expect(notEvaluated(r)).toEqual([]);
  });

  it('live: one record of each listed live type, all evaluated by some policy', async () => {
    const liveTypes = modelled.flatMap((e) => e.live);
    const resources: Record<string, unknown[]> = {};
    liveTypes.forEach((t, i) => {
      const service = t.split('::')[1]!.toLowerCase();
      resources[t] = [{ arn: `arn:aws:${service}:us-east-1:111122223333:store/x${i}`, data: { Tags: TAGS, tags: TAGS } }];
    });
    const snapshot = expandCompactLive({ resources }, 'every-store live.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'frstores-live-'));
    const file = join(dir, 'snapshot.json');
    writeFileSync(file, serializeSnapshot(snapshot));
    const r = await scan(file);
    expect(r.findings.filter((f) => f.policyId === 'aws-data-store-evaluated').length).toBeGreaterThan(liveTypes.length / 2);
    expect(notEvaluated(r)).toEqual([]);
  });

  it('stores the model does not know are unknowns of aws-data-store-evaluated in HCL, plan and live', async () => {
    expect(unmodelled.length).toBeGreaterThan(0);
    const unknownsOf = (r: Results) => new Set(r.findings.filter((f) => f.policyId === 'aws-data-store-evaluated' && f.status === 'unknown').map((f) => f.resource.address ?? f.resource.arn));
    const tfTypes = unmodelled.flatMap((e) => e.terraform);
    const hclDir = mkdtempSync(join(tmpdir(), 'frstores-unmodelled-'));
    writeFileSync(join(hclDir, 'main.tf'), tfTypes.map((t) => `resource "${t}" "x" {\n  tags = { DataClassification = "student-data" }\n}\n`).join('\n'));
    expect([...unknownsOf(await scan(hclDir))].sort()).toEqual(tfTypes.map((t) => `${t}.x`).sort());
    const planFile = join(mkdtempSync(join(tmpdir(), 'frstores-unmodelled-plan-')), 'plan.json');
    writeFileSync(planFile, JSON.stringify(expandCompactPlan({ resources: tfTypes.map((t) => ({ address: `${t}.x`, values: { tags: TAGS } })) }, 'unmodelled plan')));
    expect([...unknownsOf(await scan(planFile))].sort()).toEqual(tfTypes.map((t) => `${t}.x`).sort());
    const liveTypes = unmodelled.flatMap((e) => e.live);
    const resources: Record<string, unknown[]> = {};
    const arns = liveTypes.map((t, i) => `arn:aws:${t.split('::')[1]!.toLowerCase()}:us-east-1:111122223333:store/u${i}`);
    liveTypes.forEach((t, i) => (resources[t] = [{ arn: arns[i], data: { Tags: TAGS } }]));
    const liveFile = join(mkdtempSync(join(tmpdir(), 'frstores-unmodelled-live-')), 'snapshot.json');
    writeFileSync(liveFile, serializeSnapshot(expandCompactLive({ resources }, 'unmodelled live.yaml')));
    expect([...unknownsOf(await scan(liveFile))].sort()).toEqual([...arns].sort());
  });
});
