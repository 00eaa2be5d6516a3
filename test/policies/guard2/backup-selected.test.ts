import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandCompactLive } from '../../../checks/authoring/live-fixture.js';
import { defaultProfile, type Config } from '../../../checks/engine/config.js';
import type { Finding } from '../../../checks/engine/types.js';
import { loadCatalog } from '../../../checks/pipeline/catalog.js';
import { scanPaths } from '../../../checks/pipeline/scan.js';

// aws-data-store-backup-selected beyond its fixtures: what a scan cannot decide stays unknown or error, never pass.

const POLICY = 'aws-data-store-backup-selected';
const catalog = loadCatalog();
const NOW = new Date('2026-12-01T00:00:00Z');
const base: Config = { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] };

function dir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'frbak-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(d, name, '..'), { recursive: true });
    writeFileSync(join(d, name), text);
  }
  return d;
}

async function verdicts(path: string, cwd: string): Promise<Map<string, Finding>> {
  const { results } = await scanPaths([path], { config: base, catalog, now: NOW, cwd, hcl: { env: {} } });
  return new Map(results.findings.filter((f) => f.policyId === POLICY).map((f) => [f.resource.address ?? f.resource.arn ?? '', f]));
}

const TABLE = `
resource "aws_dynamodb_table" "rosters" {
  name         = "sis-rosters"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  tags = { DataClassification = "student-data", Environment = "production", Tier = "gold" }
}
resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = "v"
    schedule          = "cron(0 5 ? * * *)"
  }
}
`;

function selection(body: string): string {
  return `resource "aws_backup_selection" "s" {
  name         = "s"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::111122223333:role/backup"
${body}
}
`;
}

describe('aws-data-store-backup-selected (Terraform)', () => {
  it('is unknown when a selection lists resources known only after apply that no reference explains', async () => {
    const d = dir({
      'main.tf': TABLE + 'data "aws_resourcegroupstaggingapi_resources" "tagged" {\n  resource_type_filters = ["dynamodb:table"]\n}\n' + selection('  resources = data.aws_resourcegroupstaggingapi_resources.tagged.resource_arn_list'),
    });
    const f = (await verdicts(d, d)).get('aws_dynamodb_table.rosters');
    expect(f?.status).toBe('unknown');
    expect(f?.messageId).toBe('data-store-backup-selected/selectionUnknown');
  });

  it('passes a store a selection tag selects and its conditions admit, fails one a condition excludes', async () => {
    const tagged = selection('  selection_tag {\n    type  = "STRINGEQUALS"\n    key   = "Tier"\n    value = "gold"\n  }\n  condition {\n    string_equals {\n      key   = "aws:ResourceTag/Environment"\n      value = "%ENV%"\n    }\n  }');
    const ok = dir({ 'main.tf': TABLE + tagged.replace('%ENV%', 'production') });
    expect((await verdicts(ok, ok)).get('aws_dynamodb_table.rosters')?.status).toBe('pass');
    const excluded = dir({ 'main.tf': TABLE + tagged.replace('%ENV%', 'staging') });
    const f = (await verdicts(excluded, excluded)).get('aws_dynamodb_table.rosters');
    expect(f?.status).toBe('fail');
    expect(f?.messageId).toBe('data-store-backup-selected/notSelected');
  });

  it('passes a literal wildcard of every resource and fails without any selection', async () => {
    const all = dir({ 'main.tf': TABLE + selection('  resources = ["*"]') });
    expect((await verdicts(all, all)).get('aws_dynamodb_table.rosters')?.status).toBe('pass');
    const none = dir({ 'main.tf': TABLE });
    expect((await verdicts(none, none)).get('aws_dynamodb_table.rosters')?.status).toBe('fail');
  });
});

describe('aws-data-store-backup-selected (live)', () => {
  const tableArn = 'arn:aws:dynamodb:us-east-1:111122223333:table/sis-rosters';
  const table = { arn: tableArn, data: { TableName: 'sis-rosters', Table: { TableName: 'sis-rosters', TableArn: tableArn }, tags: { DataClassification: 'student-data' } } };
  const planData = { BackupPlanId: 'p1', BackupPlanName: 'daily', plan: { BackupPlanName: 'daily', Rules: [] } };
  const plan = (extra: Record<string, unknown>) => ({ arn: 'arn:aws:backup:us-east-1:111122223333:backup-plan:p1', data: planData, ...extra });
  function snapshot(records: unknown[]): string {
    const d = dir({});
    const file = join(d, 'snapshot.json');
    const compact = { resources: { 'AWS::DynamoDB::Table': [table], 'AWS::Backup::BackupPlan': records } };
    writeFileSync(file, JSON.stringify(expandCompactLive(compact, 'test')));
    return file;
  }

  it('is an error, not a pass or fail, when the selections could not be read (moto lacks ListBackupSelections)', async () => {
    const error = { code: 'NotImplemented', message: 'ListBackupSelections is not implemented', call: 'backup:ListBackupSelections' };
    const file = snapshot([plan({ errors: { selections: error } })]);
    const f = (await verdicts(file, join(file, '..'))).get(tableArn);
    expect(f?.status).toBe('error');
  });

  it('passes a store a selection names by ARN pattern, fails it when NotResources excludes it', async () => {
    const sel = { SelectionId: 's1', SelectionName: 's', Resources: ['arn:aws:dynamodb:us-east-1:111122223333:table/sis-*'] };
    const ok = snapshot([plan({ data: { ...planData, selections: [sel] } })]);
    expect((await verdicts(ok, join(ok, '..'))).get(tableArn)?.status).toBe('pass');
    const out = snapshot([plan({ data: { ...planData, selections: [{ ...sel, NotResources: [tableArn] }] } })]);
    expect((await verdicts(out, join(out, '..'))).get(tableArn)?.status).toBe('fail');
  });
});
