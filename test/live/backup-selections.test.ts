import { BackupClient, CreateBackupPlanCommand, CreateBackupVaultCommand } from '@aws-sdk/client-backup';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultProfile } from '../../checks/engine/config.js';
import type { Finding } from '../../checks/engine/types.js';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { scanPaths } from '../../checks/pipeline/scan.js';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * AWS Backup selections against moto_server: moto 5.2 implements neither CreateBackupSelection nor
 * ListBackupSelections, so the plan's `selections` facet is a read error and aws-data-store-backup-selected
 * reports `error` for the student-data table (whatever selections the account has, the audit could not see
 * them): never a pass and never a fail.
 */
const ACCOUNT = '123456789012';
const EAST = 'us-east-1';
const TABLE = `arn:aws:dynamodb:${EAST}:${ACCOUNT}:table/sis-rosters`;

let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const cfg = { region: EAST, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  await new DynamoDBClient(cfg).send(
    new CreateTableCommand({
      TableName: 'sis-rosters',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      Tags: [{ Key: 'DataClassification', Value: 'student-data' }],
    }),
  );
  const backup = new BackupClient(cfg);
  await backup.send(new CreateBackupVaultCommand({ BackupVaultName: 'sis-vault' }));
  const plan = await backup.send(new CreateBackupPlanCommand({ BackupPlan: { BackupPlanName: 'sis-daily', Rules: [{ RuleName: 'daily', TargetBackupVaultName: 'sis-vault', ScheduleExpression: 'cron(0 5 ? * * *)' }] } }));
  expect(plan.BackupPlanId).toBeTruthy();
  snapshot = await collectSnapshot({ regions: [EAST], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  const dir = mkdtempSync(join(tmpdir(), 'frbak-live-'));
  writeFileSync(join(dir, 'snapshot.json'), JSON.stringify(snapshot));
  const { results } = await scanPaths([join(dir, 'snapshot.json')], { config: { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] }, catalog: loadCatalog(), now: new Date(), cwd: dir });
  findings = results.findings;
});

afterAll(async () => {
  await moto?.stop();
});

describe('AWS Backup selections against moto', () => {
  it('collects the plan and records the unimplemented ListBackupSelections as a read error, not as "no selections"', () => {
    const plan = snapshot.resources.find((r) => r.type === 'AWS::Backup::BackupPlan');
    expect(plan?.data.BackupPlanName).toBe('sis-daily');
    expect(plan?.data.selections).toBeUndefined();
    expect(plan?.errors?.selections).toMatchObject({ call: 'backup:ListBackupSelections' });
  });

  it('reports the student-data table as an error of aws-data-store-backup-selected, never pass or fail', () => {
    const f = findings.find((x) => x.policyId === 'aws-data-store-backup-selected' && x.resource.arn === TABLE);
    expect(f?.status).toBe('error');
  });
});
