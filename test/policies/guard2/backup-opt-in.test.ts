import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandCompactLive } from '../../../checks/authoring/live-fixture.js';
import { expandCompactPlan } from '../../../checks/authoring/plan-fixture.js';
import { defaultProfile, type Config } from '../../../checks/engine/config.js';
import type { Finding } from '../../../checks/engine/types.js';
import { loadCatalog } from '../../../checks/pipeline/catalog.js';
import { scanPaths } from '../../../checks/pipeline/scan.js';
import { namesResourceType, optInNameOf } from '../../../checks/rules/lib/backup-opt-in.js';

// aws-data-store-backup-selected and AWS Backup's per-region resource-type opt-in: a selection by tag or by a
// wildcard naming no resource type protects only opted-in types, and Aurora, DocumentDB and Neptune need the
// opt-in even when named by ARN. Each case below passed before the opt-in was modelled.

const POLICY = 'aws-data-store-backup-selected';
const catalog = loadCatalog();
const NOW = new Date('2026-12-01T00:00:00Z');
const base: Config = { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] };

async function findings(file: string): Promise<Map<string, Finding>> {
  const { results } = await scanPaths([file], { config: base, catalog, now: NOW, cwd: join(file, '..'), hcl: { env: {} } });
  return new Map(results.findings.filter((f) => f.policyId === POLICY).map((f) => [f.resource.address ?? f.resource.arn ?? '', f]));
}

function write(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'froptin-')), name);
  writeFileSync(file, text);
  return file;
}

const PLAN = `
resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = "v"
    schedule          = "cron(0 5 ? * * *)"
  }
}
`;

const BUCKET = `
resource "aws_s3_bucket" "exports" {
  bucket = "sis-exports"
  tags   = { DataClassification = "student-data", Backup = "daily" }
}
`;

const TABLE = `
resource "aws_dynamodb_table" "rosters" {
  name     = "sis-rosters"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
  tags = { DataClassification = "student-data", Backup = "daily" }
}
`;

const cluster = (engine: string) => `
resource "aws_rds_cluster" "sis" {
  cluster_identifier = "sis"
  engine             = "${engine}"
  tags               = { DataClassification = "student-data" }
}
`;

const selection = (body: string) => `
resource "aws_backup_selection" "s" {
  name         = "s"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::111122223333:role/backup"
${body}
}
`;

const BY_TAG = selection('  selection_tag {\n    type  = "STRINGEQUALS"\n    key   = "Backup"\n    value = "daily"\n  }');

const optIn = (map: Record<string, boolean>) =>
  `\nresource "aws_backup_region_settings" "this" {\n  resource_type_opt_in_preference = {\n${Object.entries(map)
    .map(([k, v]) => `    "${k}" = ${v}`)
    .join('\n')}\n  }\n}\n`;

async function hcl(text: string, address: string): Promise<Finding | undefined> {
  return (await findings(write('main.tf', PLAN + text))).get(address);
}

describe('backup opt-in (Terraform)', () => {
  it('a bucket selected only by tag is unknown without region settings, fails where S3 is off, passes where it is on', async () => {
    const unset = await hcl(BUCKET + BY_TAG, 'aws_s3_bucket.exports');
    expect(unset?.status).toBe('unknown');
    expect(unset?.messageId).toBe(`${'data-store-backup-selected'}/optInUnknown`);
    expect(unset?.message).toContain('S3');
    const off = await hcl(BUCKET + BY_TAG + optIn({ S3: false, DynamoDB: true }), 'aws_s3_bucket.exports');
    expect(off?.status).toBe('fail');
    expect(off?.messageId).toBe('data-store-backup-selected/notOptedIn');
    const on = await hcl(BUCKET + BY_TAG + optIn({ S3: true }), 'aws_s3_bucket.exports');
    expect(on?.status).toBe('pass');
    expect(on?.evidence['backupRegionSettings.optIn.S3']).toBe(true);
  });

  it('a bucket named by reference is protected whatever the opt-in', async () => {
    const byRef = await hcl(BUCKET + selection('  resources = [aws_s3_bucket.exports.arn]') + optIn({ S3: false }), 'aws_s3_bucket.exports');
    expect(byRef?.status).toBe('pass');
    expect(byRef?.evidence['backupRegionSettings.optIn.S3']).toBeUndefined();
  });

  it('a service-wide wildcard depends on the opt-in like a tag', async () => {
    const all = await hcl(BUCKET + selection('  resources = ["*"]') + optIn({ S3: false }), 'aws_s3_bucket.exports');
    expect(all?.status).toBe('fail');
    expect(all?.messageId).toBe('data-store-backup-selected/notOptedIn');
  });

  it('types AWS Backup protected since its launch pass by tag unless the configuration turns them off', async () => {
    expect((await hcl(TABLE + BY_TAG, 'aws_dynamodb_table.rosters'))?.status).toBe('pass');
    expect((await hcl(TABLE + BY_TAG + optIn({ DynamoDB: false }), 'aws_dynamodb_table.rosters'))?.status).toBe('fail');
  });

  it('an Aurora cluster needs the opt-in even when named by reference; a Multi-AZ RDS cluster does not', async () => {
    const ref = selection('  resources = [aws_rds_cluster.sis.arn]');
    const unset = await hcl(cluster('aurora-postgresql') + ref, 'aws_rds_cluster.sis');
    expect(unset?.status).toBe('unknown');
    expect(unset?.message).toContain('Aurora');
    expect((await hcl(cluster('aurora-postgresql') + ref + optIn({ Aurora: false, RDS: true }), 'aws_rds_cluster.sis'))?.status).toBe('fail');
    expect((await hcl(cluster('aurora-postgresql') + ref + optIn({ Aurora: true }), 'aws_rds_cluster.sis'))?.status).toBe('pass');
    expect((await hcl(cluster('postgres') + ref + optIn({ Aurora: false }), 'aws_rds_cluster.sis'))?.status).toBe('pass');
  });

  it("reads the opt-in of the store's own provider region, not another region's", async () => {
    const providers = 'provider "aws" {\n  region = "us-east-1"\n}\nprovider "aws" {\n  alias  = "west"\n  region = "us-west-2"\n}\n';
    const westBucket = BUCKET.replace('resource "aws_s3_bucket" "exports" {', 'resource "aws_s3_bucket" "exports" {\n  provider = aws.west');
    const westOff = optIn({ S3: false }).replace('resource "aws_backup_region_settings" "this" {', 'resource "aws_backup_region_settings" "west" {\n  provider = aws.west');
    const westTag = BY_TAG.replace('resource "aws_backup_selection" "s" {', 'resource "aws_backup_selection" "s" {\n  provider = aws.west');
    expect((await hcl(providers + westBucket + westTag + optIn({ S3: true }), 'aws_s3_bucket.exports'))?.status).toBe('unknown');
    const off = await hcl(providers + westBucket + westTag + optIn({ S3: true }) + westOff, 'aws_s3_bucket.exports');
    expect(off?.status).toBe('fail');
    expect(off?.messageId).toBe('data-store-backup-selected/notOptedIn');
    expect((await hcl(providers + BUCKET + BY_TAG + optIn({ S3: true }) + westOff, 'aws_s3_bucket.exports'))?.status).toBe('pass');
  });

  it("fails a store only a selection of another region matches: a backup plan protects its own region's resources", async () => {
    const providers = 'provider "aws" {\n  region = "us-east-1"\n}\nprovider "aws" {\n  alias  = "west"\n  region = "us-west-2"\n}\n';
    const westTable = TABLE.replace('resource "aws_dynamodb_table" "rosters" {', 'resource "aws_dynamodb_table" "rosters" {\n  provider = aws.west');
    const f = await hcl(providers + westTable + BY_TAG, 'aws_dynamodb_table.rosters');
    expect(f?.status).toBe('fail');
    expect(f?.messageId).toBe('data-store-backup-selected/otherRegion');
    expect((await hcl(providers + TABLE + BY_TAG, 'aws_dynamodb_table.rosters'))?.status).toBe('pass');
  });

  it('another selection naming the store by reference protects it where the tag selection cannot', async () => {
    const byArn = selection('  resources = [aws_s3_bucket.exports.arn]').replace('"aws_backup_selection" "s"', '"aws_backup_selection" "by_arn"');
    const both = BUCKET + BY_TAG + byArn + optIn({ S3: false });
    expect((await hcl(both, 'aws_s3_bucket.exports'))?.status).toBe('pass');
  });
});

describe('backup opt-in (plan)', () => {
  const records = (settings: Record<string, unknown> | undefined) => ({
    resources: [
      { address: 'aws_s3_bucket.exports', values: { bucket: 'sis-exports', tags: { DataClassification: 'student-data', Backup: 'daily' } }, unknown: ['arn', 'id'] },
      { address: 'aws_backup_plan.daily', values: { name: 'daily', rule: [{ rule_name: 'daily', target_vault_name: 'v', schedule: 'cron(0 5 ? * * *)' }] }, unknown: ['id', 'arn'] },
      {
        address: 'aws_backup_selection.s',
        values: { name: 's', iam_role_arn: 'arn:aws:iam::111122223333:role/backup', resources: [], selection_tag: [{ type: 'STRINGEQUALS', key: 'Backup', value: 'daily' }] },
        unknown: ['plan_id'],
        references: { plan_id: ['aws_backup_plan.daily.id'] },
      },
      ...(settings ? [settings] : []),
    ],
  });
  const plan = async (settings: Record<string, unknown> | undefined) =>
    (await findings(write('plan.json', JSON.stringify(expandCompactPlan(records(settings), 'test'))))).get('aws_s3_bucket.exports');

  it('judges the opt-in the plan sets, and an opt-in known only after apply is unknown', async () => {
    expect((await plan(undefined))?.status).toBe('unknown');
    expect((await plan({ address: 'aws_backup_region_settings.this', values: { resource_type_opt_in_preference: { S3: false } }, unknown: ['id'] }))?.status).toBe('fail');
    expect((await plan({ address: 'aws_backup_region_settings.this', values: { resource_type_opt_in_preference: { S3: true } }, unknown: ['id'] }))?.status).toBe('pass');
    expect((await plan({ address: 'aws_backup_region_settings.this', values: {}, unknown: ['id', 'resource_type_opt_in_preference'] }))?.status).toBe('unknown');
  });
});

describe('backup opt-in (live)', () => {
  const bucketArn = 'arn:aws:s3:::sis-exports';
  const bucket = { arn: bucketArn, region: 'us-east-1', data: { Name: 'sis-exports', tags: { DataClassification: 'student-data', Backup: 'daily' } } };
  const sel = { SelectionId: 's1', SelectionName: 's', ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'Backup', ConditionValue: 'daily' }] };
  const planRecord = { arn: 'arn:aws:backup:us-east-1:111122223333:backup-plan:p1', data: { BackupPlanId: 'p1', BackupPlanName: 'daily', plan: { BackupPlanName: 'daily', Rules: [] }, selections: [sel] } };
  async function live(settings: Record<string, unknown>, errors?: Record<string, unknown>, selection: Record<string, unknown> = sel): Promise<Finding | undefined> {
    const record = { ...planRecord, data: { ...planRecord.data, selections: [selection] } };
    const region = errors ? { data: settings, errors } : settings;
    const compact = { accountSettings: { 'us-east-1': region }, resources: { 'AWS::S3::Bucket': [bucket], 'AWS::Backup::BackupPlan': [record] } };
    return (await findings(write('snapshot.json', JSON.stringify(expandCompactLive(compact, 'test'))))).get(bucketArn);
  }

  it('reads the region opt-in: on passes, off fails, a type the region does not list is unknown', async () => {
    expect((await live({ backupRegionSettings: { S3: true } }))?.status).toBe('pass');
    const off = await live({ backupRegionSettings: { S3: false } });
    expect(off?.status).toBe('fail');
    expect(off?.messageId).toBe('data-store-backup-selected/notOptedIn');
    expect((await live({ backupRegionSettings: { DynamoDB: true } }))?.status).toBe('unknown');
  });

  it('an ARN pattern naming the bucket protects it whatever the opt-in; a service-wide one only where S3 is on', async () => {
    const byName = { SelectionId: 's1', SelectionName: 's', Resources: ['arn:aws:s3:::sis-*'] };
    expect((await live({ backupRegionSettings: { S3: false } }, undefined, byName))?.status).toBe('pass');
    const byService = { SelectionId: 's1', SelectionName: 's', Resources: ['arn:aws:s3:::*'] };
    expect((await live({ backupRegionSettings: { S3: false } }, undefined, byService))?.status).toBe('fail');
    expect((await live({ backupRegionSettings: { S3: true } }, undefined, byService))?.status).toBe('pass');
  });

  it('a wildcard selection of one region does not cover a bucket of another', async () => {
    const all = { SelectionId: 's1', SelectionName: 's', Resources: ['*'] };
    const west = { ...bucket, region: 'us-west-2' };
    const compact = {
      regions: ['us-east-1', 'us-west-2'],
      accountSettings: { 'us-east-1': { backupRegionSettings: { S3: true } }, 'us-west-2': { backupRegionSettings: { S3: true } } },
      resources: { 'AWS::S3::Bucket': [west], 'AWS::Backup::BackupPlan': [{ ...planRecord, data: { ...planRecord.data, selections: [all] } }] },
    };
    const f = (await findings(write('snapshot.json', JSON.stringify(expandCompactLive(compact, 'test'))))).get(bucketArn);
    expect(f?.status).toBe('fail');
    expect(f?.messageId).toBe('data-store-backup-selected/otherRegion');
  });

  it('is an error when DescribeRegionSettings failed (moto does not implement it) or was not collected', async () => {
    const failed = await live({}, { backupRegionSettings: { code: 'HTTP404', message: 'DescribeRegionSettings answered 404', call: 'backup:DescribeRegionSettings' } });
    expect(failed?.status).toBe('error');
    expect(failed?.message).toMatch(/DescribeRegionSettings/);
    const uncollected = await live({});
    expect(uncollected?.status).toBe('error');
    expect(uncollected?.message).toContain('backupRegionSettings was not collected');
  });
});

describe('backup opt-in names', () => {
  it('maps store types to the opt-in names AWS Backup uses, an RDS cluster by engine', () => {
    expect(optInNameOf('aws_s3_bucket', undefined)).toBe('S3');
    expect(optInNameOf('AWS::RDS::DBCluster', 'aurora-mysql')).toBe('Aurora');
    expect(optInNameOf('aws_rds_cluster', undefined)).toBe('Aurora');
    expect(optInNameOf('aws_rds_cluster', 'mysql')).toBe('RDS');
    expect(optInNameOf('AWS::DocDB::DBCluster', undefined)).toBe('DocumentDB');
  });

  it('tells a pattern naming a resource type from a service-wide one', () => {
    expect(namesResourceType('arn:aws:dynamodb:*:*:table/*')).toBe(true);
    expect(namesResourceType('arn:aws:s3:::sis-*')).toBe(true);
    expect(namesResourceType('arn:aws:s3:::*')).toBe(false);
    expect(namesResourceType('arn:aws:ec2:*')).toBe(false);
    expect(namesResourceType('*')).toBe(false);
  });
});
