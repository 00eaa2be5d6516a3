import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { adaptSnapshot } from '../../checks/adapters/live/index.js';
import { linkModel } from '../../checks/adapters/link.js';
import { InputError } from '../../checks/errors.js';
import { isSnapshot, readSnapshot, SNAPSHOT_SCHEMA_PATH, validateSnapshot, type Snapshot, type SnapshotResource } from '../../checks/sources/live/snapshot.js';
import { envValueShape } from '../../checks/sources/live/collect/ecs.js';
import { errorCode, limiter } from '../../checks/sources/live/collect/context.js';
import { runCodeCheck } from '../../checks/engine/code-check.js';
import { CODE_CHECKS } from '../../checks/rules/table.js';
import { evaluateSnapshot, PROFILE, statusAt } from '../helpers/policy-tester.js';

const ACCT = '123456789012';
const R = 'us-east-1';

function snap(resources: SnapshotResource[], extra: Partial<Snapshot> = {}): Snapshot {
  return {
    snapshotVersion: '1',
    tool: { name: 'ferpa-ready', version: 'test' },
    collectedAt: '2026-01-15T12:00:00Z',
    account: { id: ACCT, partition: 'aws' },
    regions: [R],
    resources,
    accountSettings: [
      { region: R, data: { ebsEncryptionByDefault: true, ebsDefaultKmsKeyId: null } },
      { region: 'global', data: { s3AccountPublicAccessBlock: null, iamAccountSummary: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 } } },
    ],
    calls: [],
    errors: [],
    ...extra,
  };
}

const bucket = (name: string, data: Record<string, unknown>, errors?: SnapshotResource['errors']): SnapshotResource => ({
  type: 'AWS::S3::Bucket',
  arn: `arn:aws:s3:::${name}`,
  region: R,
  account: ACCT,
  data: { Name: name, encryption: null, publicAccessBlock: null, versioning: { Status: null }, policy: null, lifecycle: null, logging: null, tags: { DataClassification: 'student-data' }, acl: { Grants: [] }, ...data },
  ...(errors ? { errors } : {}),
});

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => void;

describe('snapshot file', () => {
  it('publishes a JSON Schema that compiles, every format known (no "unknown format ... ignored")', () => {
    const schema = JSON.parse(readFileSync(SNAPSHOT_SCHEMA_PATH, 'utf8'));
    const warnings: unknown[] = [];
    const ajv = new Ajv({ strict: false, logger: { log: () => {}, warn: (...m: unknown[]) => warnings.push(m.join(' ')), error: (...m: unknown[]) => warnings.push(m.join(' ')) } });
    addFormats(ajv);
    expect(() => ajv.compile(schema)).not.toThrow();
    expect(warnings).toEqual([]);
    expect(schema.required).toContain('snapshotVersion');
  });

  it('is detected by a top-level snapshotVersion', () => {
    expect(isSnapshot(snap([]))).toBe(true);
    expect(isSnapshot({ format_version: '1.2', planned_values: {} })).toBe(false);
    expect(isSnapshot([])).toBe(false);
  });

  it('rejects what is not a valid snapshot with a one-line InputError naming the file', () => {
    const bad: Array<[unknown, RegExp]> = [
      [{ format_version: '1.2' }, /audit\.json: not a ferpa-ready snapshot/],
      [{ ...snap([]), snapshotVersion: '2' }, /unsupported snapshotVersion "2"/],
      [{ ...snap([]), account: { id: 'abc', partition: 'aws' } }, /\/account\/id/],
      [{ ...snap([]), resources: [{ type: 'RDS', arn: 'x', region: R, account: ACCT, data: {} }] }, /\/resources\/0\/(type|arn)/],
      [{ ...snap([]), surprise: 1 }, /unknown field "surprise"/],
    ];
    for (const [data, re] of bad) {
      let err: unknown;
      try {
        validateSnapshot(data, 'audit.json');
      } catch (e) {
        err = e;
      }
      expect(err, String(re)).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(re);
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('reads a file, and says so when it is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferpa-snap-'));
    writeFileSync(join(dir, 'ok.json'), JSON.stringify(snap([])));
    writeFileSync(join(dir, 'broken.json'), '{"snapshotVersion": ');
    expect(readSnapshot(join(dir, 'ok.json')).account.id).toBe(ACCT);
    expect(() => readSnapshot(join(dir, 'broken.json'))).toThrow(/broken\.json: not valid JSON/);
    expect(() => readSnapshot(join(dir, 'missing.json'))).toThrow(/missing\.json: file not found/);
  });
});

describe('live adapter', () => {
  it('builds resources with ARN ids, live source, account, region and the snapshot as location', () => {
    const rs = adaptSnapshot(snap([bucket('b-one', {})]), 'fixtures/x/live.json');
    const b = rs.find((r) => r.kind === 'aws.s3.bucket')!;
    expect(b).toMatchObject({ id: 'arn:aws:s3:::b-one', arn: 'arn:aws:s3:::b-one', source: 'live', account: ACCT, region: R, loc: { file: 'fixtures/x/live.json', address: 'arn:aws:s3:::b-one' } });
    // No default-encryption configuration = SSE-S3 since January 2023 (a default, not a missing value).
    expect(b.attrs.sseAlgorithm).toMatchObject({ value: 'AES256', origin: 'default' });
    expect(b.attrs.dataClass).toMatchObject({ value: 'student-data', origin: 'explicit' });
    // account-wide settings on one resource per account, regional ones on one per region
    const accounts = rs.filter((r) => r.kind === 'aws.account');
    expect(accounts.map((r) => r.id).sort()).toEqual([`arn:aws:::${ACCT}:account`, `arn:aws::${R}:${ACCT}:account`]);
    const acct = accounts.find((r) => r.region === 'global')!;
    const regional = accounts.find((r) => r.region === R)!;
    expect(acct.attrs.complete?.value).toBe(true);
    expect(acct.attrs.settingsScope?.value).toBe('account');
    expect(regional.attrs.settingsScope?.value).toBe('region');
    expect(regional.attrs.ebsEncryptionByDefault).toMatchObject({ value: true, origin: 'explicit' });
    expect(acct.attrs.ebsEncryptionByDefault).toBeUndefined();
    expect(acct.attrs.s3BlockPublicAcls).toMatchObject({ value: false, origin: 'default' });
    expect(regional.attrs.s3BlockPublicAcls).toBeUndefined();
    expect(acct.attrs.rootMfaEnabled?.value).toBe(true);
    expect(acct.attrs.regions?.value).toEqual([R]);
  });

  it('makes a failed facet an error for the policies that read it, and only those', () => {
    const s = snap([
      bucket('denied-enc', { encryption: undefined, versioning: { Status: 'Enabled' } }, { encryption: { code: 'AccessDenied', message: 'not allowed', call: 's3:GetEncryptionConfiguration' } }),
    ]);
    const b = adaptSnapshot(s, 'live.json').find((r) => r.kind === 'aws.s3.bucket')!;
    expect(b.attrs.sseAlgorithm?.error).toMatch(/s3:GetEncryptionConfiguration failed \(AccessDenied\)/);
    expect(b.attrs.versioningEnabled).toMatchObject({ value: true });
    const f = evaluateSnapshot(s, 'live.json', ['aws-s3-sse-kms', 'aws-s3-versioning-enabled', 'aws-s3-public-access-block']);
    expect(statusAt(f, 'aws-s3-sse-kms', 'arn:aws:s3:::denied-enc')).toBe('error');
    expect(statusAt(f, 'aws-s3-versioning-enabled', 'arn:aws:s3:::denied-enc')).toBe('pass');
    expect(statusAt(f, 'aws-s3-public-access-block', 'arn:aws:s3:::denied-enc')).toBe('fail');
  });

  it('an account-setting read that failed is an error, not the API default', () => {
    const s = snap([]);
    s.accountSettings[0] = { region: R, data: {}, errors: { ebsEncryptionByDefault: { code: 'UnauthorizedOperation', message: 'no', call: 'ec2:GetEbsEncryptionByDefault' } } };
    const f = evaluateSnapshot(s, 'live.json', ['aws-ebs-default-encryption']);
    expect(statusAt(f, 'aws-ebs-default-encryption', `arn:aws::${R}:${ACCT}:account`)).toBe('error');
  });

  it('a failed list call makes every policy over that kind an error in that region, and what links to it too', () => {
    const vpc: SnapshotResource = { type: 'AWS::EC2::VPC', arn: `arn:aws:ec2:${R}:${ACCT}:vpc/vpc-1`, region: R, account: ACCT, data: { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', IsDefault: false } };
    const err = { code: 'AccessDenied', message: 'no', call: 'ec2:DescribeFlowLogs', service: 'ec2', region: R, resourceTypes: ['AWS::EC2::FlowLog'] };
    const trailErr = { code: 'ThrottlingException', message: 'slow down', call: 'cloudtrail:DescribeTrails', service: 'cloudtrail', region: R, resourceTypes: ['AWS::CloudTrail::Trail'] };
    const f = evaluateSnapshot(snap([vpc], { errors: [err, trailErr] }), 'live.json');
    expect(statusAt(f, 'aws-vpc-flow-logs-enabled', vpc.arn)).toBe('error');
    expect(statusAt(f, 'aws-account-has-multi-region-trail', `arn:aws:::${ACCT}:account`)).toBe('error');
    const stand = f.filter((x) => x.resource.arn === `arn:aws:unlisted:${R}:${ACCT}:aws.ec2.flow-log`);
    expect(stand.length).toBeGreaterThan(0);
    expect(stand.every((x) => x.status === 'error' && x.message.includes('ec2:DescribeFlowLogs failed (AccessDenied)'))).toBe(true);
  });

  it('the same VPC flow-log policy passes with the flow log read', () => {
    const vpc: SnapshotResource = { type: 'AWS::EC2::VPC', arn: `arn:aws:ec2:${R}:${ACCT}:vpc/vpc-1`, region: R, account: ACCT, data: { VpcId: 'vpc-1', IsDefault: false } };
    const fl: SnapshotResource = { type: 'AWS::EC2::FlowLog', arn: `arn:aws:ec2:${R}:${ACCT}:vpc-flow-log/fl-1`, region: R, account: ACCT, data: { FlowLogId: 'fl-1', ResourceId: 'vpc-1', TrafficType: 'ALL', LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::flows' } };
    const model = linkModel(adaptSnapshot(snap([vpc, fl]), 'live.json'));
    expect(model.get(vpc.arn)!.links.flowLogs).toEqual([fl.arn]);
    expect(statusAt(evaluateSnapshot(snap([vpc, fl]), 'live.json', ['aws-vpc-flow-logs-enabled']), 'aws-vpc-flow-logs-enabled', vpc.arn)).toBe('pass');
  });

  it('keeps regions apart when names repeat (log groups, parameter groups)', () => {
    const lg = (region: string, days?: number): SnapshotResource => ({ type: 'AWS::Logs::LogGroup', arn: `arn:aws:logs:${region}:${ACCT}:log-group:/app`, region, account: ACCT, data: { logGroupName: '/app', ...(days ? { retentionInDays: days } : {}), tags: {} } });
    const rs = adaptSnapshot({ ...snap([lg(R, 30), lg('us-west-2')]), regions: [R, 'us-west-2'] }, 'live.json');
    const groups = rs.filter((r) => r.kind === 'aws.logs.log-group');
    expect(groups.map((g) => g.attrs.retentionDays?.value)).toEqual([30, 0]);
    expect(groups[1]!.attrs.retentionDays?.origin).toBe('default');
    expect(groups[1]!.attrs.neverExpires?.value).toBe(true);
  });
});

describe('collector helpers', () => {
  it('bounds concurrency', async () => {
    const limit = limiter(3);
    let active = 0;
    let peak = 0;
    const task = async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setImmediate(r));
      active--;
    };
    await Promise.all(Array.from({ length: 20 }, () => limit(task)));
    expect(peak).toBe(3);
    expect(active).toBe(0);
  });

  it('classifies environment values without keeping secret ones', () => {
    expect(envValueShape('true')).toEqual({ shape: 'flag', value: 'true' });
    expect(envValueShape('5432')).toEqual({ shape: 'flag', value: '5432' });
    expect(envValueShape('arn:aws:secretsmanager:us-east-1:1:secret:x')).toMatchObject({ shape: 'reference' });
    expect(envValueShape('AKIAABCDEFGHIJKLMNOP')).toEqual({ shape: 'credential' });
    expect(envValueShape('hunter2-long-password')).toEqual({ shape: 'text' });
    expect(envValueShape('')).toEqual({ shape: 'empty', value: '' });
  });

  it('names errors by their AWS code, or by what happened on the wire', () => {
    expect(errorCode(Object.assign(new Error('x'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }))).toBe('AccessDeniedException');
    expect(errorCode(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))).toBe('NetworkError');
    expect(errorCode(Object.assign(new Error('socket timed out'), { name: 'TimeoutError' }))).toBe('Timeout');
    // what the SDK throws when the endpoint drops the connection mid-request
    expect(errorCode(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' }))).toBe('NetworkError');
    expect(errorCode(Object.assign(new Error('connect ETIMEDOUT 10.0.0.1:443'), { name: 'TimeoutError', code: 'ETIMEDOUT' }))).toBe('Timeout');
    // no DNS name for a service's regional endpoint: the service is not offered there; any other host is the network
    const dns = (host: string) => Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host });
    expect(errorCode(dns('dsql.af-south-1.amazonaws.com'))).toBe('ServiceNotInRegion');
    expect(errorCode(dns('s3tables.cn-north-1.amazonaws.com.cn'))).toBe('ServiceNotInRegion');
    expect(errorCode(dns('sts.amazonaws.com'))).toBe('NetworkError');
    expect(errorCode(dns('proxy.corp.example'))).toBe('NetworkError');
    expect(errorCode(Object.assign(new Error('getaddrinfo EAI_AGAIN dsql.us-east-1.amazonaws.com'), { code: 'EAI_AGAIN', hostname: 'dsql.us-east-1.amazonaws.com' }))).toBe('NetworkError');
    expect(errorCode(Object.assign(new Error('Unexpected token < in JSON'), { name: 'SyntaxError', $metadata: { httpStatusCode: 500 } }))).toBe('NotImplemented');
    expect(errorCode(Object.assign(new Error('boom'), { name: 'Error', $metadata: { httpStatusCode: 503 } }))).toBe('HTTP503');
  });
});

describe('recorded snapshot: what moto does not implement (see its notes)', () => {
  const file = new URL('./recorded/aws-defaults.json', import.meta.url).pathname;
  const s = readSnapshot(file);
  const f = evaluateSnapshot(s, 'test/live/recorded/aws-defaults.json');

  it('explains why it is recorded', () => {
    expect(s.notes?.join(' ')).toMatch(/moto/);
  });

  it('reads TLS enforcement from an engine default parameter group', () => {
    expect(statusAt(f, 'aws-rds-force-ssl-parameter-attached', `arn:aws:rds:${R}:111122223333:db:gradebook`)).toBe('pass');
    expect(statusAt(f, 'aws-rds-force-ssl-parameter-attached', `arn:aws:rds:${R}:111122223333:db:legacy`)).toBe('fail');
    expect(statusAt(f, 'aws-rds-connection-logging', `arn:aws:rds:${R}:111122223333:db:gradebook`)).toBe('fail');
  });

  it('a parameter group that could not be read makes the parameter checks error, not unknown', () => {
    const broken: Snapshot = structuredClone(s);
    const db = broken.resources.find((r) => r.arn.endsWith(':db:gradebook'))!;
    delete (db.data as Record<string, unknown>).parameters;
    db.errors = { parameters: { code: 'AccessDenied', message: 'not authorized to perform rds:DescribeDBParameters', call: 'rds:DescribeDBParameters' } };
    const g = evaluateSnapshot(broken, 'broken.json');
    const arn = `arn:aws:rds:${R}:111122223333:db:gradebook`;
    for (const id of ['aws-rds-force-ssl-parameter-attached', 'aws-rds-connection-logging']) {
      expect(statusAt(g, id, arn), id).toBe('error');
      expect(g.find((x) => x.policyId === id && x.resource.arn === arn)!.message).toMatch(/AccessDenied/);
    }
    // the instance's own settings were read: checks of those still decide
    expect(statusAt(g, 'aws-rds-instance-storage-encrypted', arn)).toBe('pass');
  });

  it('treats SSE-S3 default encryption as encrypted, but not with a customer-managed key', () => {
    const b = adaptSnapshot(s, 'x').find((r) => r.kind === 'aws.s3.bucket')!;
    expect(b.attrs.sseAlgorithm).toMatchObject({ value: 'AES256', origin: 'explicit' });
    expect(statusAt(f, 'aws-s3-sse-kms', 'arn:aws:s3:::gradebook-exports')).toBe('fail');
  });
});

describe('code checks: a read that failed is error, never a verdict', () => {
  const denied = (call: string) => ({ code: 'AccessDenied', message: `not authorized to perform ${call}`, call });
  const listFailed = (call: string, service: string, resourceTypes: string[]) => ({ ...denied(call), service, region: R, resourceTypes });
  const messageOf = (f: ReturnType<typeof evaluateSnapshot>, id: string, arn: string) => f.find((x) => x.policyId === id && x.resource.arn === arn)!.message;

  it('backup-copy-region: a plan whose rules could not be read is error, not unknown', () => {
    const arn = `arn:aws:backup:${R}:${ACCT}:backup-plan:p-1`;
    const plan = (data: Record<string, unknown>, errors?: SnapshotResource['errors']): SnapshotResource => ({
      type: 'AWS::Backup::BackupPlan',
      arn,
      region: R,
      account: ACCT,
      data: { BackupPlanId: 'p-1', BackupPlanName: 'nightly', selections: [], tags: {}, ...data },
      ...(errors ? { errors } : {}),
    });
    const id = 'aws-backup-copy-in-approved-region';
    const copyToEu = { Rules: [{ RuleName: 'daily', TargetBackupVaultName: 'main', CopyActions: [{ DestinationBackupVaultArn: `arn:aws:backup:eu-west-1:${ACCT}:backup-vault:dr` }] }] };
    // read: the copy region decides
    expect(statusAt(evaluateSnapshot(snap([plan({ plan: copyToEu })]), 'live.json', [id]), id, arn)).toBe('fail');
    const f = evaluateSnapshot(snap([plan({}, { plan: denied('backup:GetBackupPlan') })]), 'live.json', [id]);
    expect(statusAt(f, id, arn)).toBe('error');
    expect(messageOf(f, id, arn)).toMatch(/backup:GetBackupPlan failed \(AccessDenied\)/);
  });

  it('a KMS key whose metadata could not be read is error, not a pass: the kms-key-customer-managed check and the adapters\' kmsKeyIsAwsManaged flag', () => {
    const keyArn = `arn:aws:kms:${R}:${ACCT}:key/k-1`;
    const key = (data: Record<string, unknown>, errors?: SnapshotResource['errors']): SnapshotResource => ({
      type: 'AWS::KMS::Key',
      arn: keyArn,
      region: R,
      account: ACCT,
      data: { KeyId: 'k-1', KeyArn: keyArn, Aliases: [], rotation: { enabled: true, periodInDays: 365 }, policy: null, tags: {}, ...data },
      ...(errors ? { errors } : {}),
    });
    const sse = { encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn } }] } };
    const db: SnapshotResource = {
      type: 'AWS::RDS::DBInstance',
      arn: `arn:aws:rds:${R}:${ACCT}:db:sis`,
      region: R,
      account: ACCT,
      data: { DBInstanceIdentifier: 'sis', Engine: 'postgres', EngineVersion: '16.3', StorageEncrypted: true, KmsKeyId: keyArn, tags: {} },
    };
    const secret: SnapshotResource = {
      type: 'AWS::SecretsManager::Secret',
      arn: `arn:aws:secretsmanager:${R}:${ACCT}:secret:sis-db-AbCdEf`,
      region: R,
      account: ACCT,
      data: { Name: 'sis-db', KmsKeyId: keyArn, RotationEnabled: true, RotationRules: { AutomaticallyAfterDays: 30 }, tags: {} },
    };
    const checks: Array<[string, string]> = [
      ['aws-s3-sse-kms', 'arn:aws:s3:::records'],
      ['aws-rds-instance-encrypted-with-cmk', db.arn],
      // declarative (kmsKeyIsAwsManaged equals false): the adapter's flag itself must carry the error
      ['aws-secrets-cmk', secret.arn],
    ];
    const ok = evaluateSnapshot(snap([bucket('records', sse), db, secret, key({ KeyManager: 'CUSTOMER', KeyState: 'Enabled' })]), 'live.json', checks.map(([id]) => id));
    for (const [id, arn] of checks) expect(statusAt(ok, id, arn), id).toBe('pass');
    const f = evaluateSnapshot(snap([bucket('records', sse), db, secret, key({}, { metadata: denied('kms:DescribeKey') })]), 'live.json', checks.map(([id]) => id));
    for (const [id, arn] of checks) {
      expect(statusAt(f, id, arn), id).toBe('error');
      expect(messageOf(f, id, arn), id).toMatch(/kms:DescribeKey failed \(AccessDenied\)/);
    }
  });

  it('kms-key-customer-managed: a key in a region whose keys could not be listed is error, not unknown', () => {
    const keyArn = `arn:aws:kms:${R}:${ACCT}:key/k-1`;
    const sse = { encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn } }] } };
    const id = 'aws-s3-sse-kms';
    // without a failed listing, a key that is not in the snapshot stays unknown
    expect(statusAt(evaluateSnapshot(snap([bucket('records', sse)]), 'live.json', [id]), id, 'arn:aws:s3:::records')).toBe('unknown');
    const f = evaluateSnapshot(snap([bucket('records', sse)], { errors: [listFailed('kms:ListKeys', 'kms', ['AWS::KMS::Key'])] }), 'live.json', [id]);
    expect(statusAt(f, id, 'arn:aws:s3:::records')).toBe('error');
    expect(messageOf(f, id, 'arn:aws:s3:::records')).toMatch(/kms:ListKeys failed \(AccessDenied\)/);
  });

  const sgArn = `arn:aws:ec2:${R}:${ACCT}:security-group/sg-web`;
  const webGroup: SnapshotResource = {
    type: 'AWS::EC2::SecurityGroup',
    arn: sgArn,
    region: R,
    account: ACCT,
    data: { GroupId: 'sg-web', GroupName: 'web', Description: 'web', VpcId: 'vpc-1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }], IpPermissionsEgress: [], Tags: {} },
  };
  const lb: SnapshotResource = {
    type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    arn: `arn:aws:elasticloadbalancing:${R}:${ACCT}:loadbalancer/app/web/1`,
    region: R,
    account: ACCT,
    data: { LoadBalancerName: 'web', Type: 'application', Scheme: 'internet-facing', SecurityGroups: ['sg-web'], attributes: {}, webAcl: null, tags: {} },
  };
  const lbListFailed = listFailed('elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing', ['AWS::ElasticLoadBalancingV2::LoadBalancer']);
  const dbListFailed = listFailed('rds:DescribeDBInstances', 'rds', ['AWS::RDS::DBInstance']);

  it('sg-world-ingress-web-on-lb: load balancers that could not be listed do not make web ingress pass (nor fail)', () => {
    const id = 'aws-sg-world-ingress-only-web-on-lb';
    // read: a load balancer that uses the group decides
    expect(statusAt(evaluateSnapshot(snap([webGroup, lb]), 'live.json', [id]), id, sgArn)).toBe('pass');
    const f = evaluateSnapshot(snap([webGroup], { errors: [lbListFailed] }), 'live.json', [id]);
    expect(statusAt(f, id, sgArn)).toBe('error');
    expect(messageOf(f, id, sgArn)).toMatch(/elasticloadbalancing:DescribeLoadBalancers failed \(AccessDenied\)/);
    // databases that could not be listed are no evidence that the group is used by something other than a load balancer
    expect(statusAt(evaluateSnapshot(snap([webGroup], { errors: [dbListFailed] }), 'live.json', [id]), id, sgArn)).toBe('error');
    // a load balancer that was read still decides when another service could not be listed
    expect(statusAt(evaluateSnapshot(snap([webGroup, lb], { errors: [dbListFailed] }), 'live.json', [id]), id, sgArn)).toBe('pass');
  });

  it('sg-attached-to: data stores that could not be listed make the attachment an error, not true', () => {
    const check = CODE_CHECKS['sg-attached-to']!;
    const options = { kindPrefixes: ['aws.rds.', 'aws.elasticache.'] };
    const evalIn = (s: Snapshot) => {
      const model = linkModel(adaptSnapshot(s, 'live.json'));
      return runCodeCheck(check, model.get(sgArn)!, { model, profile: PROFILE }, options);
    };
    expect(evalIn(snap([webGroup])).truth).toBe('false');
    const out = evalIn(snap([webGroup], { errors: [dbListFailed] }));
    expect(out.truth).toBe('error');
    expect(out.error).toMatch(/rds:DescribeDBInstances failed \(AccessDenied\)/);
    const db: SnapshotResource = { type: 'AWS::RDS::DBInstance', arn: `arn:aws:rds:${R}:${ACCT}:db:sis`, region: R, account: ACCT, data: { DBInstanceIdentifier: 'sis', Engine: 'postgres', VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-web' }], tags: {} } };
    expect(evalIn(snap([webGroup, db], { errors: [listFailed('elasticache:DescribeReplicationGroups', 'elasticache', ['AWS::ElastiCache::ReplicationGroup'])] })).truth).toBe('true');
  });
});
