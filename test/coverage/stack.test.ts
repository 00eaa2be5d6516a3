import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { defaultProfile, type Config } from '../../checks/engine/config.js';
import type { Finding, Results } from '../../checks/engine/types.js';
import { scanPaths } from '../../checks/pipeline/scan.js';
import { policyMeta } from '../../checks/cli/context.js';
import { render } from '../../reports/index.js';
import { buildReport } from '../../reports/ferpa/model.js';
import { renderFerpaHtml } from '../../reports/ferpa/html.js';
import { renderFerpaJson } from '../../reports/ferpa/json.js';
import { renderFerpaMarkdown } from '../../reports/ferpa/markdown.js';
import { cli } from '../cli/run.js';

// The coverage test stack (test/coverage/stack): two HCL roots, the same resources as one plan and as a
// snapshot. It mixes data stores the catalog evaluates (S3, CloudWatch Logs, FSx, MQ, CloudFront) with a
// Keyspaces table whose policies the configuration excludes (every type of the data-store list is
// modelled, so a store no policy evaluates is one whose policies are turned off, or out of scope), tagged
// and untagged, plus a resource that holds no records (Route 53).
const STACK = join(__dirname, 'stack');
const FORMS = [
  ['hcl', join(STACK, 'hcl')],
  ['plan', join(STACK, 'plan.json')],
  ['live', join(STACK, 'snapshot.json')],
] as const;
const NOW = new Date('2026-11-22T00:00:00Z');
const catalog = loadCatalog();
const meta = policyMeta(catalog.policies);
const KEYSPACES_TABLE_POLICIES = ['aws-keyspaces-table-cmk', 'aws-keyspaces-table-point-in-time-recovery'];
const config: Config = { profile: defaultProfile(), policyDirs: [], disable: KEYSPACES_TABLE_POLICIES, waivers: [], attestations: [] };

const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
(addFormats as unknown as (a: Ajv) => void)(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(__dirname, '../../reports/schema/results.schema.json'), 'utf8')));

/** The resources each form holds, by the name coverage gives them (address, or ARN for live). */
function expectedResources(form: string): string[] {
  if (form === 'live') return (JSON.parse(readFileSync(join(STACK, 'snapshot.json'), 'utf8')).resources as Array<{ arn: string }>).map((r) => r.arn);
  const plan = JSON.parse(readFileSync(join(STACK, 'plan.json'), 'utf8')) as { resource_changes: Array<{ address: string }> };
  return plan.resource_changes.map((r) => r.address);
}

async function scan(path: string, cfg: Config = config): Promise<Results> {
  return (await scanPaths([path], { config: cfg, catalog, now: NOW, cwd: join(__dirname, '../..'), hcl: { env: {} } })).results;
}

/** The name a finding gives its resource, reduced to `type.name` / ARN so the forms compare. */
function short(f: Finding): string {
  return f.resource.address && !f.resource.address.startsWith('arn:') ? f.resource.address : (f.resource.arn ?? '');
}

function gov01(results: Results) {
  const report = buildReport([{ results, path: 'results.json', sha256: '0'.repeat(64) }], catalog.framework, meta, { now: NOW, attestations: [] });
  return { report, control: report.controls.find((c) => c.id === 'FERPA-GOV-01')! };
}

describe.each(FORMS)('coverage test stack (%s)', async (form, path) => {
  const results = await scan(path);
  const rows = (results.coverage?.inputs ?? []).flatMap((i) => i.resources);

  it('accounts for every resource of the input exactly once', () => {
    const names = rows.map((r) => r.resource).sort();
    expect(names).toEqual(expectedResources(form).sort());
    expect(new Set(names).size).toBe(names.length);
    expect(results.coverage!.total).toBe(names.length);
    expect(results.coverage!.evaluated + results.coverage!.notEvaluated).toBe(names.length);
  });

  it('names the types no policy evaluated and why, and the data stores among them', () => {
    const row = (type: string) => rows.find((r) => r.type === type || r.resource.includes(type));
    const keyspaces = rows.find((r) => /keyspaces|cassandra/i.test(r.type))!;
    expect(keyspaces).toMatchObject({ policies: 0, reason: 'disabled', dataStore: 'database' });
    // files-streams slice: FSx and Amazon MQ are modelled now, and their policies evaluate them.
    for (const re of [/fsx/i, /mq_broker|amazonmq/i]) {
      const r = rows.find((x) => re.test(x.type))!;
      expect(r.policies, r.type).toBeGreaterThan(0);
      expect(r.reason, r.type).toBeUndefined();
    }
    expect(rows.find((r) => /fsx/i.test(r.type))).toMatchObject({ dataStore: 'file-storage' });
    expect(rows.find((r) => /mq_broker|amazonmq/i.test(r.type))).toMatchObject({ dataStore: 'queue' });
    // doors (issue 14): CloudFront is modelled now; its six policies evaluate the distribution (unknown live: the record has no configuration).
    expect(rows.find((r) => /cloudfront/i.test(r.type))).toMatchObject({ policies: 6, dataStore: 'front-door' });
    const bucket = row('scratch')!;
    expect(bucket.policies).toBeGreaterThan(3);
    expect(bucket.reason).toBeUndefined();
    if (form !== 'live') expect(row('aws_route53_zone')).toMatchObject({ policies: 0, reason: 'unmodelled' });
    if (form !== 'live') expect(row('aws_route53_zone')!.dataStore).toBeUndefined();
    expect(results.coverage!.dataStoresNotEvaluated).toBe(1);
    // Untagged: the scratch bucket, the FSx file system, the application log group, the CloudFront distribution.
    expect(results.coverage!.dataStoresUnclassified).toBe(4);
  });

  it('gives every store no policy evaluated an unknown FERPA-GOV-01 finding, and every untagged store a fail', () => {
    const unevaluated = results.findings.filter((f) => f.policyId === 'aws-data-store-evaluated' && f.status === 'unknown');
    expect(unevaluated.map(short).sort()).toEqual(rows.filter((r) => r.dataStore && r.policies === 0).map((r) => r.resource).sort());
    for (const f of unevaluated) {
      expect(f.controls).toContain('FERPA-GOV-01');
      expect(f.message).toMatch(/data store not evaluated by the catalog \(.*its policies are excluded by configuration\)/);
      expect(f.resource.file).toBeTruthy();
      if (form === 'hcl') expect(f.resource.line).toBeGreaterThan(0);
    }
    const unclassified = results.findings.filter((f) => f.policyId === 'aws-data-store-classified' && f.status === 'fail').map(short);
    expect(unclassified).toHaveLength(4);
    expect(unclassified.some((a) => /scratch/.test(a))).toBe(true);
    expect(unclassified.some((a) => /fsx/.test(a))).toBe(true);
    const classifiedPass = results.findings.filter((f) => f.policyId === 'aws-data-store-classified' && f.status === 'pass').map(short);
    expect(classifiedPass.some((a) => /keyspaces|rosters/.test(a))).toBe(true);
  });

  it('judges the untagged stores as student data: the log group that never expires, the bucket without versioning or access logs', () => {
    const on = (policy: string, re: RegExp) => results.findings.filter((f) => f.policyId === policy && re.test(short(f))).map((f) => f.status);
    expect(on('aws-log-group-pii-retention-ceiling', /roster-api|log_group\.app/)).toEqual(['fail']);
    expect(on('aws-s3-versioning-enabled', /scratch/)).toEqual(['fail']);
    expect(on('aws-s3-access-logging', /scratch/)).toEqual(['fail']);
    // The audit log group keeps its floor and is not held to the PII ceiling.
    expect(on('aws-log-group-pii-retention-ceiling', /account-audit|log_group\.audit/)).toEqual([]);
    expect(on('aws-log-group-retention-floor', /account-audit|log_group\.audit/)).toEqual(['pass']);
  });

  it('never shows the inventory control (FERPA-GOV-01) as ready', () => {
    const { control } = gov01(results);
    expect(control.status).toBe('not-ready');
    expect(control.counts.unknown).toBe(1);
    expect(control.counts.fail).toBe(4);
  });

  it('writes a results document the published schema accepts, coverage included', () => {
    const doc = JSON.parse(render('json', results, meta));
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(doc.coverage.inputs.flatMap((i: { resources: unknown[] }) => i.resources)).toHaveLength(rows.length);
  });

  it('shows the coverage line in text, Markdown and the readiness report (HTML, Markdown, JSON)', () => {
    const c = results.coverage!;
    const line = new RegExp(`${c.total} resources: ${c.evaluated} evaluated, ${c.notEvaluated} of \\d+ types? not evaluated \\(`);
    const text = render('text', results, meta);
    expect(text).toMatch(new RegExp(`^Coverage: ${line.source}`, 'm'));
    expect(text).toMatch(/^Data stores: 1 of 8 not evaluated by any policy, 4 of 8 without a classification tag$/m);
    const md = render('markdown', results, meta);
    expect(md).toContain('### Coverage');
    expect(md).toMatch(line);
    expect(md).toMatch(/\| aws\\_keyspaces\\_table \| 1 \| its policies are excluded by configuration \| database \||\| AWS::Cassandra::Table \| 1 \| its policies are excluded by configuration \| database \|/);
    const { report } = gov01(results);
    expect(report.scope.coverage?.dataStoresNotEvaluated).toBe(1);
    expect(report.scope.coverage?.unevaluatedDataStores.map((d) => d.dataStore).sort()).toEqual(['database']);
    const html = renderFerpaHtml(report);
    expect(html).toContain('<h3 id="coverage">Coverage</h3>');
    expect(html).toMatch(line);
    expect(html).toContain('Data stores no policy evaluated');
    expect(renderFerpaMarkdown(report)).toMatch(new RegExp(`### Coverage\\n\\n${line.source}`));
    expect(JSON.parse(renderFerpaJson(report)).scope.coverage.line).toMatch(line);
  });
});

describe('coverage test stack through the CLI', () => {
  it.each(FORMS)('%s: exits 1 while a data store was not evaluated or not classified', (_form, path) => {
    const out = join(mkdtempSync(join(tmpdir(), 'frcov-')), 'r.json');
    const r = cli(['scan', path, '--format', 'text', '--format', `json=${out}`]);
    expect(r.stderr).not.toMatch(/Error|at .*\.ts:/);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Coverage: \d+ resources: /m);
    expect(validate(JSON.parse(readFileSync(out, 'utf8')))).toBe(true);
  });
});

describe('coverage: each gap alone keeps the exit status and the inventory control honest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'frcov-one-'));
  const write = (name: string, text: string) => {
    const d = join(dir, name);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'main.tf'), text);
    return d;
  };
  const clean = write(
    'clean',
    'resource "aws_cloudwatch_log_group" "app" {\n  name              = "/ecs/app"\n  retention_in_days = 30\n  tags              = { DataClassification = "operational" }\n}\n',
  );
  const unevaluated = write(
    'unevaluated',
    'resource "aws_keyspaces_table" "rosters" {\n  keyspace_name = "sis"\n  table_name    = "rosters"\n  schema_definition {\n    partition_key {\n      name = "id"\n    }\n    column {\n      name = "id"\n      type = "text"\n    }\n  }\n  tags = { DataClassification = "student-data" }\n}\n',
  );
  // Its table policies turned off by the project's configuration: a tagged store no policy evaluates.
  writeFileSync(join(unevaluated, '.ferpa-ready.yaml'), `disable: [${KEYSPACES_TABLE_POLICIES.join(', ')}]\n`);
  const unclassified = write('unclassified', 'resource "aws_cloudwatch_log_group" "app" {\n  name              = "/ecs/app"\n  retention_in_days = 30\n}\n');

  it('every store evaluated and classified: exit 0 and the inventory control is ready', async () => {
    expect(cli(['scan', clean]).code).toBe(0);
    const { control } = gov01(await scan(clean));
    expect(control.status).toBe('ready');
  });

  it('a tagged store no policy evaluates: unknown, still exit 1 (gateUnknown), and the control needs evidence', async () => {
    const r = cli(['scan', unevaluated], { cwd: unevaluated });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/aws-data-store-evaluated aws_keyspaces_table\.rosters .*data store not evaluated by the catalog \(aws_keyspaces_table: its policies are excluded by configuration\)/);
    // Without the configuration its policies evaluate it.
    expect(cli(['scan', unevaluated]).stdout).not.toMatch(/aws_keyspaces_table\.rosters .*data store not evaluated/);
    const results = await scan(unevaluated);
    expect(results.summary.fail).toBe(0);
    expect(gov01(results).control.status).toBe('needs-evidence');
    // The gate follows --fail-on like a fail would: below the threshold it does not gate.
    expect(cli(['scan', unevaluated, '--fail-on', 'critical'], { cwd: unevaluated }).code).toBe(0);
  });

  it('an evaluated store without a classification tag: exit 1 and the control is not ready', async () => {
    expect(cli(['scan', unclassified]).code).toBe(1);
    expect(gov01(await scan(unclassified)).control.status).toBe('not-ready');
  });
});
