import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';
import { classificationOf, classificationOptions, DEFAULT_CLASSIFICATION_TAG_KEYS, UNCLASSIFIED } from '../../checks/adapters/classification.js';
import { adaptTerraform } from '../../checks/adapters/terraform/index.js';
import { adaptSnapshot } from '../../checks/adapters/live/index.js';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import type { Catalog } from '../../checks/engine/catalog.js';
import { indexDataStores } from '../../checks/engine/data-stores.js';
import { defaultProfile, loadConfig, type Config } from '../../checks/engine/config.js';
import type { Results } from '../../checks/engine/types.js';
import { InputError } from '../../checks/errors.js';
import { unknownGateExit, unknownGatingPolicies } from '../../checks/cli/unknown-gate.js';
import { scanPaths } from '../../checks/pipeline/scan.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { TfRecord } from '../../checks/sources/terraform/record.js';
import { UNKNOWN } from '../../checks/model/value.js';
import { coverageLine, dataStoreLine } from '../../reports/coverage.js';
import { buildReport } from '../../reports/ferpa/model.js';
import { policyMeta } from '../../checks/cli/context.js';
import { appendRun } from '../../checks/store/index.js';

const catalog = loadCatalog();
const NOW = new Date('2026-11-22T00:00:00Z');
const base: Config = { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] };

function root(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'frcov-unit-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function scan(dir: string, config: Config = base, cat: Catalog = catalog): Promise<Results> {
  return (await scanPaths([dir], { config, catalog: cat, now: NOW, cwd: dir, hcl: { env: {} } })).results;
}

/**
 * The catalog with one more data store on its list, of a type the model does not know: every type of the
 * shipped list is modelled, and the list must still name a store type before the model does.
 */
const withUnmodelledStore = (): Catalog => ({
  ...catalog,
  dataStores: indexDataStores([
    ...catalog.dataStores.entries,
    { name: 'Neptune Analytics graph (test entry)', category: 'database', terraform: ['aws_neptunegraph_graph'], live: ['AWS::NeptuneGraph::Graph'], why: 'A graph of people and relationships holds records.' },
  ]),
});

const rowsOf = (r: Results) => r.coverage!.inputs.flatMap((i) => i.resources);

describe('coverage reasons', () => {
  it('tells a type unknown to the model, a kind without policy, disabled policies, scope exclusion and a split resource of something elsewhere apart', async () => {
    const dir = root({
      'main.tf': `
resource "aws_neptunegraph_graph" "g" {
  graph_name          = "g"
  provisioned_memory  = 16
  tags = { DataClassification = "student-data" }
}
resource "aws_backup_selection" "s" {
  name         = "s"
  plan_id      = "p"
  iam_role_arn = "arn:aws:iam::111122223333:role/backup"
  resources    = ["*"]
}
resource "aws_cloudwatch_log_group" "public" {
  name = "/public/status"
  tags = { DataClassification = "public" }
}
resource "aws_s3_bucket_versioning" "elsewhere" {
  bucket = "bucket-managed-elsewhere"
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket" "b" {
  bucket = "b"
  tags   = { DataClassification = "student-data" }
}
resource "aws_s3_bucket_versioning" "b" {
  bucket = aws_s3_bucket.b.id
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_mq_broker" "q" {
  broker_name = "q"
  tags        = { DataClassification = "student-data" }
}
`,
    });
    const results = await scan(dir, base, withUnmodelledStore());
    const row = (r: string) => rowsOf(results).find((x) => x.resource === r)!;
    expect(row('aws_neptunegraph_graph.g')).toMatchObject({ policies: 0, reason: 'unmodelled', dataStore: 'database' });
    expect(row('aws_backup_selection.s')).toMatchObject({ policies: 0, reason: 'no-policy', kind: 'aws.backup.selection' });
    expect(row('aws_cloudwatch_log_group.public')).toMatchObject({ policies: 0, reason: 'out-of-scope', dataStore: 'log' });
    expect(row('aws_s3_bucket_versioning.elsewhere')).toMatchObject({ policies: 0, reason: 'outside-input' });
    // A split resource is judged as part of the bucket it configures.
    expect(row('aws_s3_bucket_versioning.b')).toMatchObject({ partOf: 'aws_s3_bucket.b' });
    expect(row('aws_s3_bucket_versioning.b').policies).toBe(row('aws_s3_bucket.b').policies);
    expect(row('aws_s3_bucket.b').policies).toBeGreaterThan(5);
    // The explicitly public log group is out of every policy's scope by its classification: the inventory passes it.
    const evaluated = (a: string) => results.findings.find((f) => f.policyId === 'aws-data-store-evaluated' && f.resource.address === a)!;
    expect(evaluated('aws_cloudwatch_log_group.public')).toMatchObject({ status: 'pass', message: expect.stringMatching(/classified public: outside the scope/) });
    expect(evaluated('aws_neptunegraph_graph.g')).toMatchObject({ status: 'unknown', message: expect.stringMatching(/type unknown to the model/) });
    expect(evaluated('aws_s3_bucket.b').message).toMatch(/evaluated by \d+ policies/);
    // files-streams slice: the MQ broker is modelled now, and its policies evaluate it.
    expect(row('aws_mq_broker.q').policies).toBeGreaterThan(0);
    expect(row('aws_mq_broker.q')).toMatchObject({ dataStore: 'queue' });
    expect(coverageLine(results.coverage!)).toMatch(/^7 resources: 3 evaluated, 4 of 4 types not evaluated \(/);
  });

  it('names policies excluded by configuration as the reason', async () => {
    const dir = root({ 'main.tf': 'resource "aws_cloudwatch_log_group" "app" {\n  name = "/ecs/app"\n  tags = { DataClassification = "pii" }\n}\n' });
    const logPolicies = catalog.policies.filter((p) => p.resource === 'aws.logs.log-group').map((p) => p.id);
    const results = await scan(dir, { ...base, disable: logPolicies });
    expect(rowsOf(results)[0]).toMatchObject({ policies: 0, reason: 'disabled' });
    const f = results.findings.find((x) => x.policyId === 'aws-data-store-evaluated')!;
    expect(f.status).toBe('unknown');
    expect(f.message).toMatch(/its policies are excluded by configuration/);
  });

  it('does not count data sources as resources of the input', async () => {
    const dir = root({ 'main.tf': 'data "aws_s3_bucket" "other" {\n  bucket = "other"\n}\nresource "aws_route53_zone" "z" {\n  name = "example.org"\n}\n' });
    const results = await scan(dir);
    expect(rowsOf(results).map((r) => r.resource)).toEqual(['aws_route53_zone.z']);
    expect(results.coverage!.dataStores).toBe(0);
    expect(dataStoreLine(results.coverage!)).toBeNull();
  });
});

describe('classification: one helper, profile keys, unclassified stores', () => {
  const rec = (address: string, type: string, values: Record<string, unknown>): TfRecord => ({
    address, mode: 'managed', type, name: address.split('.')[1]!, modulePath: '', values, references: {}, loc: { file: 'main.tf', line: 1 }, input: 'main.tf', source: 'plan',
  });

  it('reads the first key present, lowercased, in every tag shape; unknown tags stay unknown', () => {
    const v = (value: unknown) => classificationOf({ value, origin: 'explicit' });
    expect(v({ Classification: 'Operational', DataClassification: ' Student-Data ' }).value).toBe('student-data');
    expect(v([{ Key: 'data-classification', Value: 'PII' }]).value).toBe('pii');
    expect(v({ Items: [{ Key: 'DataClass', Value: 'public' }] }).value).toBe('public');
    expect(v({ DataClassification: UNKNOWN }).origin).toBe('unknown');
    expect(v({ Name: 'x' }).value).toBeUndefined();
    expect(classificationOf({ value: { Name: 'x' }, origin: 'explicit' }, DEFAULT_CLASSIFICATION_TAG_KEYS, true).value).toBe(UNCLASSIFIED);
    expect(classificationOf({ value: undefined, origin: 'unknown', error: 'AccessDenied' }).error).toBe('AccessDenied');
  });

  it('Terraform and live adapters classify the same tags the same way, with the profile keys', () => {
    const opts = classificationOptions({ classificationTagKeys: ['Sensitivity'], unclassifiedIsStudentData: true }, catalog.dataStores.kinds);
    const tf = adaptTerraform([rec('aws_s3_bucket.a', 'aws_s3_bucket', { bucket: 'a', tags: { Sensitivity: 'PII', DataClassification: 'public' } }), rec('aws_s3_bucket.b', 'aws_s3_bucket', { bucket: 'b', tags: { DataClassification: 'public' } })], 'plan', [], opts);
    expect(tf.find((r) => r.id === 'aws_s3_bucket.a')!.attrs.dataClass!.value).toBe('pii');
    // DataClassification is not among the profile's keys: the bucket is unclassified, so judged as student data.
    expect(tf.find((r) => r.id === 'aws_s3_bucket.b')!.attrs.dataClass!.value).toBe(UNCLASSIFIED);
    const snapshot = {
      snapshotVersion: '1', tool: { name: 'ferpa-ready', version: '0.1.0' }, collectedAt: '2026-01-01T00:00:00Z',
      account: { id: '111122223333', partition: 'aws' }, regions: ['us-east-1'], accountSettings: [], calls: [], errors: [],
      resources: [{ type: 'AWS::Logs::LogGroup', arn: 'arn:aws:logs:us-east-1:111122223333:log-group:/a', region: 'us-east-1', account: '111122223333', data: { logGroupName: '/a', tags: { Sensitivity: 'PII' } } }],
    } as unknown as Snapshot;
    expect(adaptSnapshot(snapshot, 'live.json', opts).find((r) => r.kind === 'aws.logs.log-group')!.attrs.dataClass!.value).toBe('pii');
  });

  it('a kind that is not a data store is never marked unclassified', () => {
    const opts = classificationOptions({}, catalog.dataStores.kinds);
    const [key] = adaptTerraform([rec('aws_kms_key.k', 'aws_kms_key', { description: 'k' })], 'plan', [], opts);
    expect(key!.attrs.dataClass!.value).toBeUndefined();
  });

  it('unclassifiedIsStudentData off: an untagged bucket leaves the student-data scope but still fails the classification policy', async () => {
    const dir = root({ 'main.tf': 'resource "aws_s3_bucket" "u" {\n  bucket = "u"\n}\n' });
    const on = await scan(dir);
    const off = await scan(dir, { ...base, profile: { ...base.profile, unclassifiedIsStudentData: false } });
    const ids = (r: Results) => new Set(r.findings.map((f) => f.policyId));
    expect(ids(on).has('aws-s3-versioning-enabled')).toBe(true);
    expect(ids(off).has('aws-s3-versioning-enabled')).toBe(false);
    for (const r of [on, off]) expect(r.findings.find((f) => f.policyId === 'aws-data-store-classified')!.status).toBe('fail');
  });

  it('the configuration schema accepts the profile keys and rejects wrong types', () => {
    const dir = root({ '.ferpa-ready.yaml': 'profile:\n  classificationTagKeys: [Sensitivity]\n  unclassifiedIsStudentData: false\n' });
    const cfg = loadConfig(undefined, dir);
    expect(cfg.profile.classificationTagKeys).toEqual(['Sensitivity']);
    expect(cfg.profile.unclassifiedIsStudentData).toBe(false);
    expect(loadConfig(undefined, root({})).profile.classificationTagKeys).toEqual([...DEFAULT_CLASSIFICATION_TAG_KEYS]);
    const bad = root({ '.ferpa-ready.yaml': 'profile:\n  unclassifiedIsStudentData: "yes"\n' });
    expect(() => loadConfig(undefined, bad)).toThrow(InputError);
    expect(() => loadConfig(undefined, bad)).toThrow(/\/profile\/unclassifiedIsStudentData/);
    const empty = root({ '.ferpa-ready.yaml': 'profile:\n  classificationTagKeys: []\n' });
    expect(() => loadConfig(undefined, empty)).toThrow(/\/profile\/classificationTagKeys/);
  });

  it("classificationValues: the DPA's own list is taken; an empty list or a value in another spelling is exit 2 naming the key", () => {
    expect(loadConfig(undefined, root({ '.ferpa-ready.yaml': 'profile:\n  classificationValues: [student-data, confidential]\n' })).profile.classificationValues).toEqual(['student-data', 'confidential']);
    expect(loadConfig(undefined, root({})).profile.classificationValues).toContain('student-data');
    for (const bad of ['[]', '["Student Data"]', '[student_data]']) {
      const dir = root({ '.ferpa-ready.yaml': `profile:\n  classificationValues: ${bad}\n`, 'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n' });
      expect(() => loadConfig(undefined, dir), bad).toThrow(/\/profile\/classificationValues/);
      const r = cli(['scan', 'main.tf'], { cwd: dir });
      expect(r.code, bad).toBe(2);
      expect(r.stderr.trim().split('\n'), bad).toHaveLength(1);
      expect(r.stderr).toMatch(/classificationValues/);
    }
  });
});

describe('exit gating of unknown inventory findings', () => {
  it('an unknown of a gateUnknown policy gates at its severity; other unknowns do not', () => {
    const gating = unknownGatingPolicies(catalog.policies);
    expect([...gating]).toEqual(['aws-data-store-evaluated']);
    const doc = (policyId: string, status: 'unknown' | 'pass') =>
      ({ findings: [{ policyId, status, severity: 'high' }] }) as unknown as Results;
    expect(unknownGateExit(doc('aws-data-store-evaluated', 'unknown'), 'high', gating)).toBe(1);
    expect(unknownGateExit(doc('aws-data-store-evaluated', 'pass'), 'high', gating)).toBe(0);
    expect(unknownGateExit(doc('aws-s3-sse-kms', 'unknown'), 'high', gating)).toBe(0);
    expect(unknownGateExit(doc('aws-data-store-evaluated', 'unknown'), 'critical', gating)).toBe(0);
    expect(unknownGateExit(doc('aws-data-store-evaluated', 'unknown'), 'none', gating)).toBe(0);
  });
});

describe('readiness report coverage', () => {
  it('says when a results file records no coverage (written before coverage existed)', async () => {
    const dir = root({ 'main.tf': 'resource "aws_route53_zone" "z" {\n  name = "example.org"\n}\n' });
    const results = await scan(dir);
    const old = { ...results, coverage: undefined };
    const report = buildReport([{ results: old, path: 'old.json', sha256: '0'.repeat(64) }], catalog.framework, policyMeta(catalog.policies), { now: NOW });
    expect(report.scope.coverage).toBeNull();
    expect(report.notes.join('\n')).toMatch(/1 results file without a coverage section \(old\.json\)/);
    const both = buildReport(
      [
        { results: old, path: 'old.json', sha256: '0'.repeat(64) },
        { results, path: 'new.json', sha256: '1'.repeat(64) },
      ],
      catalog.framework,
      policyMeta(catalog.policies),
      { now: NOW },
    );
    expect(both.scope.coverage).toMatchObject({ total: 1, notEvaluated: 1, notEvaluatedTypes: [{ type: 'aws_route53_zone', count: 1 }] });
  });
});

describe('stored runs', () => {
  it('keep the coverage section (a store holds the results document as it was)', async () => {
    const dir = root({ 'main.tf': 'resource "aws_mq_broker" "q" {\n  broker_name = "q"\n}\n' });
    const results = await scan(dir);
    const { store, run } = await appendRun(join(dir, '.store'), results);
    const back = await store.readResults(run.id);
    expect(back.coverage).toEqual(JSON.parse(JSON.stringify(results.coverage)));
    expect(back.coverage!.inputs[0]!.resources[0]).toMatchObject({ resource: 'aws_mq_broker.q', dataStore: 'queue' });
    expect(back.coverage!.inputs[0]!.resources[0]!.policies).toBeGreaterThan(0);
  });
});
