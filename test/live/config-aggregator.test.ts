import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import { ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot, CONFIG_TYPES, serializeSnapshot, validateSnapshot, type ClientHook } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';
import { ACCOUNT } from './seed.js';

/**
 * --config-aggregator: the types AWS Config records come from the aggregator (a recorded fixture: moto
 * has no aggregate queries, see the fixture's "why"), every other type and the account settings from
 * the describe APIs of moto. The aggregator sees a second account the audit cannot reach.
 */
interface Recorded {
  aggregator: string;
  select: Record<string, string[][]>;
  items: Array<Record<string, unknown> & { accountId: string; awsRegion: string; resourceId: string; resourceType: string }>;
  unprocessedOnce: string[];
}
const RECORDED_TEXT = readFileSync(new URL('./fixtures/config-aggregator.recorded.json', import.meta.url), 'utf8');
/** The recorded caller-account key id; the test stands a real moto key in for it (see beforeAll). */
const RECORDED_KEY_ID = '1f0c2d9e-0000-4000-8000-00000000cf01';
let recorded = JSON.parse(RECORDED_TEXT) as Recorded;
const MEMBER = '210987654321';
const REGION = 'us-east-1';
const expressions: string[] = [];
const unprocessedAlready = new Set<string>();

/** AWS Config answered from the recording; every other service goes to moto. */
const configFromRecording: ClientHook = (client, info) => {
  if (info.service !== 'config') return;
  client.middlewareStack.add(
    (_next: unknown, context: { commandName?: string }) => async (args: unknown) => {
      const input = (args as { input: Record<string, any> }).input;
      if (input.ConfigurationAggregatorName !== recorded.aggregator) throw Object.assign(new Error(`aggregator ${input.ConfigurationAggregatorName} not found`), { name: 'NoSuchConfigurationAggregatorException', $metadata: { httpStatusCode: 400 } });
      if (context.commandName === 'SelectAggregateResourceConfigCommand') {
        expressions.push(input.Expression);
        const type = /resourceType = '([^']+)'/.exec(input.Expression)![1]!;
        const pages = recorded.select[type] ?? [[]];
        const at = input.NextToken ? Number(input.NextToken) : 0;
        return { output: { Results: pages[at], ...(at + 1 < pages.length ? { NextToken: String(at + 1) } : {}), $metadata: {} } };
      }
      if (context.commandName === 'BatchGetAggregateResourceConfigCommand') {
        const found = [];
        const unprocessed = [];
        for (const id of input.ResourceIdentifiers as Array<Record<string, string>>) {
          if (recorded.unprocessedOnce.includes(id.ResourceId!) && !unprocessedAlready.has(id.ResourceId!)) {
            unprocessedAlready.add(id.ResourceId!);
            unprocessed.push(id);
            continue;
          }
          const item = recorded.items.find((i) => i.accountId === id.SourceAccountId && i.awsRegion === id.SourceRegion && i.resourceId === id.ResourceId && i.resourceType === id.ResourceType);
          if (item) found.push({ ...item, configuration: JSON.stringify(item.configuration), supplementaryConfiguration: Object.fromEntries(Object.entries((item.supplementaryConfiguration as object) ?? {}).map(([k, v]) => [k, JSON.stringify(v)])) });
        }
        return { output: { BaseConfigurationItems: found, UnprocessedResourceIdentifiers: unprocessed, $metadata: {} } };
      }
      throw new Error(`unexpected Config call ${context.commandName}`);
    },
    { step: 'initialize', name: 'configFromRecording' },
  );
};

let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];
let taskDefArn: string;
let keyArn: string;

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const cfg = { region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  // In moto only: a bucket and a key (Config types: must not be listed again), a secret and a task definition (describe types).
  await new S3Client({ ...cfg, forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: 'only-in-moto' }));
  await new KMSClient(cfg).send(new CreateKeyCommand({ Description: 'only in moto' }));
  // The caller account is reachable, so what Config items lack is read through the describe APIs: the
  // recorded key's id is swapped for a real moto key with rotation on, for that read to find.
  const kms = new KMSClient(cfg);
  const real = (await kms.send(new CreateKeyCommand({ Description: 'student data' }))).KeyMetadata!;
  await kms.send(new EnableKeyRotationCommand({ KeyId: real.KeyId }));
  recorded = JSON.parse(RECORDED_TEXT.replaceAll(RECORDED_KEY_ID, real.KeyId!)) as Recorded;
  keyArn = real.Arn!;
  await new SecretsManagerClient(cfg).send(new CreateSecretCommand({ Name: 'db-password', SecretString: 'seed-only' }));
  taskDefArn = (
    await new ECSClient(cfg).send(
      new RegisterTaskDefinitionCommand({
        family: 'sis-sync',
        containerDefinitions: [{ name: 'sync', image: 'sync:1', essential: true, memory: 256, environment: [{ name: 'UPSTREAM', value: 'postgres://sync:seed-only-pw@sis.internal:5432/sis' }, { name: 'LOG_LEVEL', value: 'info' }] }],
      }),
    )
  ).taskDefinition!.taskDefinitionArn!;
  snapshot = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2, configAggregator: recorded.aggregator, clientHooks: [configFromRecording], now: () => new Date('2026-01-15T12:00:00Z') });
  findings = evaluateSnapshot(snapshot);
}, 120_000);

afterAll(async () => {
  await moto?.stop();
});

describe('--config-aggregator', () => {
  it('enumerates each Config type with SelectAggregateResourceConfig, regional types filtered to the audited regions', () => {
    expect(expressions.filter((e) => !/NextToken/.test(e)).length).toBeGreaterThanOrEqual(CONFIG_TYPES.length);
    const s3 = expressions.find((e) => e.includes("'AWS::S3::Bucket'"))!;
    expect(s3).not.toContain('awsRegion IN');
    expect(expressions.find((e) => e.includes("'AWS::RDS::DBInstance'"))).toContain(`awsRegion IN ('${REGION}')`);
    // Two pages of buckets, one BatchGet per type with items, one retry for the unprocessed group.
    const calls = (op: string) => snapshot.calls.filter((c) => c.operation === op).length;
    expect(calls('SelectAggregateResourceConfig')).toBe(CONFIG_TYPES.length + 1);
    const typesWithItems = new Set(recorded.items.map((i) => i.resourceType)).size;
    expect(calls('BatchGetAggregateResourceConfig')).toBe(typesWithItems + 1);
  });

  it('maps configuration items into snapshot records of the account they came from, marked via config', () => {
    const via = snapshot.resources.filter((r) => r.via === 'config');
    expect(new Set(via.map((r) => r.type))).toEqual(new Set(recorded.items.map((i) => i.resourceType)));
    expect(via.find((r) => r.arn === 'arn:aws:s3:::cfg-open')?.account).toBe(MEMBER);
    expect(via.find((r) => r.arn === `arn:aws:ec2:${REGION}:${MEMBER}:security-group/sg-0cfg000000000bad`)?.account).toBe(MEMBER);
    // A deleted resource's item is not a resource.
    expect(snapshot.resources.some((r) => r.arn === 'arn:aws:s3:::cfg-deleted')).toBe(false);
    const bucket = via.find((r) => r.arn === 'arn:aws:s3:::cfg-students')!;
    expect(bucket.data.versioning).toEqual({ Status: 'Enabled', MFADelete: null });
    expect((bucket.data.policy as { Statement: unknown[] }).Statement).toHaveLength(1);
    expect(bucket.data.logging).toEqual({ TargetBucket: 'cfg-access-logs', TargetPrefix: 'cfg-students/' });
  });

  it('does not list Config types again through the describe APIs, but reads the other types there', () => {
    expect(snapshot.resources.some((r) => r.arn === 'arn:aws:s3:::only-in-moto')).toBe(false);
    expect(snapshot.resources.filter((r) => r.type === 'AWS::KMS::Key').every((r) => r.via === 'config')).toBe(true);
    const ops = new Set(snapshot.calls.map((c) => `${c.service}:${c.operation}`));
    for (const skipped of ['s3:ListAllMyBuckets', 'kms:ListKeys', 'rds:DescribeDBInstances', 'ec2:DescribeSecurityGroups', 'cloudtrail:DescribeTrails', 'logs:DescribeLogGroups']) expect(ops, skipped).not.toContain(skipped);
    for (const kept of ['secretsmanager:ListSecrets', 'ecs:ListTaskDefinitions', 'ec2:DescribeSubnets', 's3:GetAccountPublicAccessBlock', 'ec2:GetEbsEncryptionByDefault']) expect(ops, kept).toContain(kept);
    expect(snapshot.resources.some((r) => r.type === 'AWS::SecretsManager::Secret' && r.via === undefined)).toBe(true);
  });

  it('says in the snapshot which source each type came from and which accounts only Config saw', () => {
    expect(snapshot.configAggregator).toEqual({ name: recorded.aggregator, region: REGION, resourceTypes: [...CONFIG_TYPES] });
    expect(snapshot.accounts).toEqual([
      { id: ACCOUNT, status: 'collected', regions: [REGION] },
      { id: MEMBER, access: 'config-only', status: 'collected', regions: [] },
    ]);
    expect(snapshot.notes?.join(' ')).toMatch(/every other type, and account settings .* came from the describe APIs/);
    expect(snapshot.notes?.join(' ')).toContain(`accounts ${MEMBER} were read only through AWS Config`);
    expect(() => validateSnapshot(JSON.parse(serializeSnapshot(snapshot)))).not.toThrow();
  });

  const cases: Array<[string, string, string, string]> = [
    ['aws-s3-sse-kms', 'arn:aws:s3:::cfg-students', 'pass', ACCOUNT],
    ['aws-s3-sse-kms', 'arn:aws:s3:::cfg-open', 'fail', MEMBER],
    ['aws-s3-versioning-enabled', 'arn:aws:s3:::cfg-students', 'pass', ACCOUNT],
    ['aws-s3-versioning-enabled', 'arn:aws:s3:::cfg-open', 'fail', MEMBER],
    ['aws-s3-public-access-block', 'arn:aws:s3:::cfg-students', 'pass', ACCOUNT],
    ['aws-s3-public-access-block', 'arn:aws:s3:::cfg-open', 'fail', MEMBER],
    ['aws-rds-instance-storage-encrypted', `arn:aws:rds:${REGION}:${ACCOUNT}:db:cfg-db-good`, 'pass', ACCOUNT],
    ['aws-rds-instance-storage-encrypted', `arn:aws:rds:${REGION}:${MEMBER}:db:cfg-db-bad`, 'fail', MEMBER],
    ['aws-rds-not-publicly-accessible', `arn:aws:rds:${REGION}:${MEMBER}:db:cfg-db-bad`, 'fail', MEMBER],
    ['aws-rds-instance-encrypted-with-cmk', `arn:aws:rds:${REGION}:${ACCOUNT}:db:cfg-db-good`, 'pass', ACCOUNT],
    ['aws-sg-no-world-ingress-to-data-ports', `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-0cfg00000000good`, 'pass', ACCOUNT],
    ['aws-sg-no-world-ingress-to-data-ports', `arn:aws:ec2:${REGION}:${MEMBER}:security-group/sg-0cfg000000000bad`, 'fail', MEMBER],
    ['aws-cloudtrail-multi-region', `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/org-trail`, 'pass', ACCOUNT],
    ['aws-cloudtrail-log-file-validation', `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/org-trail`, 'pass', ACCOUNT],
    ['aws-cloudtrail-kms-encrypted', `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/org-trail`, 'pass', ACCOUNT],
    ['aws-cloudtrail-s3-data-events', 'arn:aws:s3:::cfg-students', 'pass', ACCOUNT],
    ['aws-account-has-multi-region-trail', `arn:aws:::${ACCOUNT}:account`, 'pass', ACCOUNT],
    ['aws-log-group-retention-floor', `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/app/audit`, 'pass', ACCOUNT],
  ];
  it.each(cases)('%s on %s is %s (account %s)', (policy, arn, expected, account) => {
    expect(statusAt(findings, policy, arn)).toBe(expected);
    expect(findings.find((f) => f.policyId === policy && f.resource.arn === arn)!.account).toBe(account);
  });

  it('reads what Config items lack through the describe APIs where the account is reachable', () => {
    expect(statusAt(findings, 'aws-kms-key-rotation-enabled', keyArn)).toBe('pass');
    const key = snapshot.resources.find((r) => r.arn === keyArn)!;
    expect(key.via).toBe('config');
    expect(key.data.rotation).toMatchObject({ enabled: true });
    expect(key.errors).toBeUndefined();
    const ops = snapshot.calls.filter((c) => c.account === undefined).map((c) => `${c.service}:${c.operation}`);
    expect(ops).toContain('kms:GetKeyRotationStatus');
    expect(ops).toContain('rds:DescribeDBParameters');
  });

  it('keeps what Config does not record as a read error naming the describe call in accounts only Config sees, never a pass', () => {
    const db = snapshot.resources.find((r) => r.arn === `arn:aws:rds:${REGION}:${MEMBER}:db:cfg-db-bad`)!;
    expect(db.errors?.parameters).toMatchObject({ code: 'NotRecordedByConfig', call: 'rds:DescribeDBParameters' });
    // The parameter check reports an unread group as unknown (checks/rules/rds-force-ssl.ts), never pass.
    const f = findings.find((x) => x.policyId === 'aws-rds-force-ssl-parameter-attached' && x.resource.arn === db.arn)!;
    expect(['unknown', 'error']).toContain(f.status);
    expect(f.message).toContain('lms-pg16');
  });

  it('evaluates account settings only where they were read (the caller account), not in the Config-only member', () => {
    expect(statusAt(findings, 'aws-ebs-default-encryption', `arn:aws::${REGION}:${ACCOUNT}:account`)).toBe('fail');
    expect(findings.some((x) => x.resource.arn === `arn:aws::${REGION}:${MEMBER}:account` || x.resource.arn === `arn:aws:::${MEMBER}:account`)).toBe(false);
  });

  it('counts a credential-shaped environment value as a credential though its name is not secret-like (the value itself is never stored)', () => {
    expect(JSON.stringify(snapshot)).not.toContain('seed-only-pw');
    expect(statusAt(findings, 'aws-ecs-no-plaintext-secrets-in-environment', taskDefArn)).toBe('fail');
    const f = findings.find((x) => x.policyId === 'aws-ecs-no-plaintext-secrets-in-environment' && x.resource.arn === taskDefArn)!;
    expect(JSON.stringify(f)).toContain('UPSTREAM');
    expect(JSON.stringify(f)).not.toContain('LOG_LEVEL');
  });

  it('makes only calls the shipped read-only policy allows', () => {
    const policy = JSON.parse(readFileSync(new URL('../../checks/sources/live/iam-policy.json', import.meta.url), 'utf8')) as { Statement: Array<{ Action: string[] }> };
    const allowed = new Set(policy.Statement.flatMap((x) => x.Action));
    expect([...new Set(snapshot.calls.map((x) => `${x.service}:${x.operation}`))].filter((a) => !allowed.has(a))).toEqual([]);
  });

  it('fails the same read in one line when the aggregator does not exist, per type and region', async () => {
    const s = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 1, configAggregator: 'no-such-aggregator', clientHooks: [configFromRecording] });
    expect(s.errors.filter((e) => e.call === 'config:SelectAggregateResourceConfig').map((e) => e.resourceTypes[0]).sort()).toEqual([...CONFIG_TYPES].sort());
    const f = evaluateSnapshot(s).filter((x) => x.policyId === 'aws-s3-sse-kms');
    expect(f.map((x) => x.status)).toEqual(['error']);
    expect(f[0]!.message ?? JSON.stringify(f[0])).toMatch(/NoSuchConfigurationAggregatorException/);
  });
});
