import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandCompactLive } from '../../checks/authoring/live-fixture.js';
import { modelOfSnapshot } from '../../checks/pipeline/policy-tester.js';
import { get, model, rec } from '../helpers/policy-tester.js';
import { cli } from '../cli/run.js';

// Types that cannot carry tags (Glue tables, Lake Formation locations, 2017 DynamoDB global tables) are
// classified as their container; without this every one of them failed aws-data-store-classified with no
// way to fix it, and policies scoped to student data judged them by the `unclassified` default.
const STUDENT = { DataClassification: 'student-data' };

describe('classification inherited by a type without tags (Terraform)', () => {
  it('a Glue table takes its database class by reference, with the database tag as its location', () => {
    const m = model([
      rec('aws_glue_catalog_database.db', { name: 'students', tags: STUDENT }),
      rec('aws_glue_catalog_table.t', { name: 'grades', database_name: 'students' }, { references: { database_name: ['aws_glue_catalog_database.db.name', 'aws_glue_catalog_database.db'] } }),
    ]);
    const cls = get(m, 'aws_glue_catalog_table.t').attrs.dataClass!;
    expect(cls.value).toBe('student-data');
    expect(cls.loc?.address).toBe('aws_glue_catalog_database.db');
  });

  it('a table whose database is not in the input is unknown, not unclassified; one whose database has no tag stays unclassified', () => {
    const outside = model([rec('aws_glue_catalog_table.t', { name: 'grades', database_name: 'elsewhere' })]);
    expect(get(outside, 'aws_glue_catalog_table.t').attrs.dataClass!.origin).toBe('unknown');
    const untagged = model([rec('aws_glue_catalog_database.db', { name: 'students' }), rec('aws_glue_catalog_table.t', { name: 'grades', database_name: 'students' })]);
    const cls = get(untagged, 'aws_glue_catalog_table.t').attrs.dataClass!;
    expect(cls.origin).not.toBe('unknown');
    expect(cls.value === undefined || cls.value === 'unclassified').toBe(true);
  });

  it('a Lake Formation location takes the class of the bucket its ARN names, prefix and all', () => {
    const m = model([rec('aws_s3_bucket.lake', { bucket: 'lake', tags: { DataClassification: 'PII' } }), rec('aws_lakeformation_resource.raw', { arn: 'arn:aws:s3:::lake/raw' })]);
    expect(get(m, 'aws_lakeformation_resource.raw').attrs.dataClass!.value).toBe('pii');
  });

  it('a 2017 global table takes student-data when any replica table holds it', () => {
    const m = model([
      rec('aws_dynamodb_table.east', { name: 'sessions', hash_key: 'id', tags: { DataClassification: 'operational' } }),
      rec('aws_dynamodb_table.west', { name: 'sessions', hash_key: 'id', tags: STUDENT }, { region: 'us-west-2' }),
      rec('aws_dynamodb_global_table.sessions', { name: 'sessions', replica: [{ region_name: 'us-east-1' }, { region_name: 'us-west-2' }] }),
    ]);
    expect(get(m, 'aws_dynamodb_global_table.sessions').attrs.dataClass!.value).toBe('student-data');
  });

  it('a resource with a tag of its own keeps it', () => {
    const m = model([rec('aws_s3_bucket.lake', { bucket: 'lake', tags: STUDENT }), rec('aws_glue_catalog_database.db', { name: 'ops', tags: { DataClassification: 'operational' } })]);
    expect(get(m, 'aws_glue_catalog_database.db').attrs.dataClass!.value).toBe('operational');
  });
});

describe('classification inherited by a type without tags (live)', () => {
  it('a Glue table takes the class of its database in its own region, a location that of its bucket', () => {
    const db = (region: string, cls: string) => ({ arn: `arn:aws:glue:${region}:111122223333:database/students`, region, data: { Name: 'students', CatalogId: '111122223333', tags: { DataClassification: cls } } });
    const table = { arn: 'arn:aws:glue:us-west-2:111122223333:table/students/grades', region: 'us-west-2', data: { Name: 'grades', DatabaseName: 'students', CatalogId: '111122223333' } };
    const snap = expandCompactLive(
      {
        resources: {
          'AWS::Glue::Database': [db('us-east-1', 'operational'), db('us-west-2', 'student-data')],
          'AWS::Glue::Table': [table],
          'AWS::S3::Bucket': [{ arn: 'arn:aws:s3:::lake', data: { Name: 'lake', tags: { DataClassification: 'pii' } } }],
          'AWS::LakeFormation::Resource': [{ arn: 'arn:aws:s3:::lake/raw', data: { ResourceArn: 'arn:aws:s3:::lake/raw', HybridAccessEnabled: false } }],
        },
      },
      'live.yaml',
    );
    const m = modelOfSnapshot(snap, 'live.json');
    expect(get(m, table.arn).attrs.dataClass!.value).toBe('student-data');
    const location = m.ofKind('aws.lakeformation.resource')[0]!;
    expect(location.attrs.dataClass!.value).toBe('pii');
  });
});

describe('aws-data-store-classified on a tagless type (a scan of HCL)', () => {
  it('passes a table and a location whose containers are tagged, and fails a table whose database is not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferpa-inherit-'));
    writeFileSync(
      join(dir, 'main.tf'),
      [
        'resource "aws_glue_catalog_database" "db" {\n  name = "students"\n  tags = { DataClassification = "student-data" }\n}',
        'resource "aws_glue_catalog_table" "t" {\n  name          = "grades"\n  database_name = aws_glue_catalog_database.db.name\n}',
        'resource "aws_glue_catalog_database" "bare" {\n  name = "scratch"\n}',
        'resource "aws_glue_catalog_table" "u" {\n  name          = "tmp"\n  database_name = aws_glue_catalog_database.bare.name\n}',
        'resource "aws_s3_bucket" "lake" {\n  bucket = "lake"\n  tags   = { DataClassification = "student-data" }\n}',
        'resource "aws_lakeformation_resource" "lake" {\n  arn = aws_s3_bucket.lake.arn\n}',
      ].join('\n'),
    );
    const out = join(dir, 'results.json');
    const r = cli(['scan', dir, '--fail-on', 'none', '--format', `json=${out}`]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { findings: Array<{ policyId: string; status: string; resource: { address: string } }> };
    const status = (address: string) => doc.findings.find((f) => f.policyId === 'aws-data-store-classified' && f.resource.address === address)?.status;
    expect(status('aws_glue_catalog_table.t')).toBe('pass');
    expect(status('aws_lakeformation_resource.lake')).toBe('pass');
    expect(status('aws_glue_catalog_table.u')).toBe('fail');
    expect(status('aws_glue_catalog_database.bare')).toBe('fail');
  });
});
