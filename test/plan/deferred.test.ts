import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../checks/engine/config.js';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { scanPaths } from '../../checks/pipeline/scan.js';
import { cli } from '../cli/run.js';

// A plan Terraform could not finish (-allow-deferral): before, the resources it deferred were never read, and a
// deferred database was simply not there: unseen. Now each is judged with what the plan shows of it, and every
// attribute it does not show is unknown, not the provider's default (a default publicly_accessible = false would
// have passed).
const dir = mkdtempSync(join(tmpdir(), 'ferpa-deferred-'));
const catalog = loadCatalog();
const config = { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] };

function plan(name: string, extra: Record<string, unknown>): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ format_version: '1.2', terraform_version: '1.10.0', planned_values: { root_module: {} }, ...extra }));
  return file;
}

const grades = {
  address: 'aws_db_instance.grades',
  mode: 'managed',
  type: 'aws_db_instance',
  name: 'grades',
  change: { actions: ['create'], after: { identifier: 'grades', engine: 'postgres', tags: { DataClassification: 'student-data' } }, after_unknown: {} },
};

describe('a plan with deferred changes', () => {
  it('judges the deferred resource: what the plan does not show is unknown, not a default that passes', async () => {
    const file = plan('deferred.json', { complete: false, deferred_changes: [{ reason: 'instance_count_unknown', resource_change: grades }] });
    const { results } = await scanPaths([file], { config, catalog, now: new Date('2026-12-01T00:00:00Z'), cwd: dir });
    const of = (id: string) => results.findings.find((f) => f.policyId === id && f.resource.address === 'aws_db_instance.grades');
    expect(of('aws-rds-not-publicly-accessible')?.status).toBe('unknown');
    expect(of('aws-rds-instance-storage-encrypted')?.status).toBe('unknown');
    // it is in the inventory, evaluated, and classified from the tags the plan does show
    expect(results.coverage!.inputs[0]!.resources.find((r) => r.resource === 'aws_db_instance.grades')?.policies).toBeGreaterThan(0);
    expect(results.findings.filter((f) => f.resource.address === 'aws_db_instance.grades' && f.status === 'pass').map((f) => f.policyId)).not.toContain('aws-rds-not-publicly-accessible');
    expect(results.diagnostics?.map((d) => d.message).join(' ')).toMatch(/not complete: Terraform deferred 1 resource change/);
  });

  it('the same resource planned in full passes where its values say so', async () => {
    const file = plan('full.json', { resource_changes: [{ ...grades, change: { ...grades.change, after: { ...grades.change.after, publicly_accessible: false } } }] });
    const { results } = await scanPaths([file], { config, catalog, now: new Date('2026-12-01T00:00:00Z'), cwd: dir });
    expect(results.findings.find((f) => f.policyId === 'aws-rds-not-publicly-accessible' && f.resource.address === 'aws_db_instance.grades')?.status).toBe('pass');
  });
});

describe('a plan Terraform reported as errored', () => {
  it('is refused with one line and exit 2, not judged as if it were the whole stack', () => {
    const file = plan('errored.json', { errored: true, resource_changes: [grades] });
    const r = cli(['scan', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/errored\.json: Terraform reported errors while planning/);
  });
});

// Terraform 1.7's `removed` block with `destroy = false` plans `["forget"]`: the resource leaves the
// configuration (no planned value) but stays in the account. Before, it simply vanished from the scan, and a
// public, unencrypted student-data database being handed off said "all data stores evaluated".
describe('a plan that forgets a resource', () => {
  const forgotten = {
    address: 'aws_db_instance.records',
    mode: 'managed',
    type: 'aws_db_instance',
    name: 'records',
    change: { actions: ['forget'], before: { identifier: 'records', publicly_accessible: true, tags: { DataClassification: 'student-data' } }, after: null, after_unknown: {} },
  };
  it('accounts for it: an unknown of aws-data-store-evaluated naming why, a coverage row, a note; never judged as planned', async () => {
    const file = plan('forget.json', { resource_changes: [forgotten, { ...grades, change: { ...grades.change, after: { ...grades.change.after, publicly_accessible: false } } }] });
    const { results } = await scanPaths([file], { config, catalog, now: new Date('2026-12-01T00:00:00Z'), cwd: dir });
    const on = results.findings.filter((f) => f.resource.address === 'aws_db_instance.records');
    expect(on.find((f) => f.policyId === 'aws-data-store-evaluated')?.status).toBe('unknown');
    expect(on.find((f) => f.policyId === 'aws-data-store-evaluated')?.message).toMatch(/stops managing it without destroying it/);
    // the classification its prior state carries is still judged (it holds student data)
    expect(on.find((f) => f.policyId === 'aws-data-store-classified')?.status).toBe('pass');
    // no policy of the planned stack judges it: its old values are not what this plan deploys
    expect(on.map((f) => f.policyId)).not.toContain('aws-rds-not-publicly-accessible');
    const row = results.coverage!.inputs[0]!.resources.find((r) => r.resource === 'aws_db_instance.records');
    expect(row).toMatchObject({ reason: 'forgotten', policies: 0, dataStore: 'database' });
    expect(results.coverage!.dataStoresNotEvaluated).toBe(1);
    expect(results.diagnostics?.map((d) => d.message).join(' ')).toMatch(/stops managing 1 resource\(s\) without destroying them.*aws_db_instance\.records/);
  });

  it('the HCL source of the same change (a removed block with destroy = false) gives the same verdict; with destroy left on, the resource is simply gone', async () => {
    const root = mkdtempSync(join(dir, 'removed-'));
    writeFileSync(
      join(root, 'main.tf'),
      'removed {\n  from = aws_db_instance.records\n  lifecycle {\n    destroy = false\n  }\n}\nremoved {\n  from = module.legacy\n  lifecycle {\n    destroy = false\n  }\n}\nremoved {\n  from = aws_s3_bucket.scratch\n}\n',
    );
    const { results } = await scanPaths([root], { config, catalog, now: new Date('2026-12-01T00:00:00Z'), cwd: root });
    expect(results.findings.find((f) => f.policyId === 'aws-data-store-evaluated' && f.resource.address === 'aws_db_instance.records')?.status).toBe('unknown');
    // its tags are no longer written anywhere in the configuration: unknown, not "untagged"
    expect(results.findings.find((f) => f.policyId === 'aws-data-store-classified' && f.resource.address === 'aws_db_instance.records')?.status).toBe('unknown');
    expect(results.coverage!.inputs[0]!.resources.map((r) => [r.resource, r.reason])).toEqual([['aws_db_instance.records', 'forgotten']]);
    const notes = results.diagnostics?.map((d) => d.message).join('\n') ?? '';
    expect(notes).toMatch(/main\.tf:1: a removed block hands aws_db_instance\.records over without destroying it/);
    expect(notes).toMatch(/main\.tf:7: a removed block hands module\.legacy over without destroying it/);
    expect(notes).not.toMatch(/scratch/);
  });

  it('a plain delete is still left out without a word: the resource is gone from the account', async () => {
    const file = plan('delete.json', { resource_changes: [{ ...forgotten, change: { ...forgotten.change, actions: ['delete'] } }] });
    const { results } = await scanPaths([file], { config, catalog, now: new Date('2026-12-01T00:00:00Z'), cwd: dir });
    expect(results.findings.some((f) => f.resource.address === 'aws_db_instance.records')).toBe(false);
    expect(results.coverage!.inputs[0]!.resources.find((r) => r.resource === 'aws_db_instance.records')).toBeUndefined();
  });
});
