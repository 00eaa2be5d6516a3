import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../checks/errors.js';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { ClientHook } from '../../checks/sources/live/collect/context.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';
import { ACCOUNT, BAD, GOOD, seedAccount, type Seeded } from './seed.js';

/**
 * Fault injection: SDK middleware inside the retry loop answers chosen calls with throttling, HTTP 500,
 * AccessDenied and timeouts. The audit must complete, retry what is retryable, and report the rest as
 * `error` findings for exactly the policies that needed the data.
 */
type Fault = 'throttle' | 'server' | 'denied' | 'timeout' | 'notImplemented';

function awsError(kind: Fault, op: string): Error {
  const e = new Error(`${op}: injected ${kind}`) as Error & Record<string, unknown>;
  if (kind === 'throttle') Object.assign(e, { name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
  if (kind === 'server') Object.assign(e, { name: 'InternalFailure', $fault: 'server', $metadata: { httpStatusCode: 500 } });
  if (kind === 'denied') Object.assign(e, { name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 } });
  if (kind === 'timeout') Object.assign(e, { name: 'TimeoutError', code: 'ETIMEDOUT' });
  // an emulator's answer for a call it does not implement: its HTML error page as a 500
  if (kind === 'notImplemented') Object.assign(e, { name: 'Error', message: `${op}: Deserialization error: Unexpected token '<', "<html><title>500 Internal Server Error"`, $metadata: { httpStatusCode: 500 } });
  return e;
}

interface Rule {
  command: string;
  region?: string;
  fault: Fault;
  /** Fail this many attempts, then let the call through (Infinity: always). */
  times: number;
}

/** Attempts seen per `Command@region`, to prove retries happened. */
const attempts = new Map<string, number>();

function injector(rules: Rule[]): ClientHook {
  return (client, { region }) => {
    const seen = new Map<string, number>();
    client.middlewareStack.add(
      (next: (a: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
        const cmd = context.commandName ?? '';
        const key = `${cmd}@${region}`;
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        attempts.set(key, (attempts.get(key) ?? 0) + 1);
        const rule = rules.find((r) => r.command === cmd && (!r.region || r.region === region));
        if (rule && n <= rule.times) throw awsError(rule.fault, cmd);
        return next(args);
      },
      // The deserialize step runs inside the retry middleware: every attempt passes through here.
      { step: 'deserialize', name: 'faultInjector', priority: 'low' },
    );
  };
}

let moto: Moto;
let seeded: Seeded;
let snapshot: Snapshot;
let findings: Finding[];

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  seeded = await seedAccount(moto.endpoint);
  snapshot = await collectSnapshot({
    regions: [GOOD, BAD],
    endpointUrl: moto.endpoint,
    quiet: true,
    maxAttempts: 3,
    clientHooks: [
      injector([
        { command: 'DescribeDBInstancesCommand', region: GOOD, fault: 'throttle', times: 2 },
        { command: 'DescribeSecurityGroupsCommand', region: BAD, fault: 'server', times: 1 },
        { command: 'GetBucketEncryptionCommand', fault: 'denied', times: Infinity },
        { command: 'GetKeyRotationStatusCommand', region: BAD, fault: 'timeout', times: Infinity },
        { command: 'ListSecretsCommand', region: BAD, fault: 'denied', times: Infinity },
        { command: 'DescribeDBInstancesCommand', region: BAD, fault: 'throttle', times: Infinity },
        { command: 'DescribeTrailsCommand', region: BAD, fault: 'notImplemented', times: Infinity },
      ]),
    ],
  });
  findings = evaluateSnapshot(snapshot);
});

afterAll(async () => {
  await moto?.stop();
});

describe('fault injection', () => {
  it('retries throttling and 500s, then reads the data', () => {
    expect(attempts.get(`DescribeDBInstancesCommand@${GOOD}`)).toBe(3);
    expect(attempts.get(`DescribeSecurityGroupsCommand@${BAD}`)).toBe(2);
    expect(snapshot.resources.some((r) => r.arn === seeded.goodDb)).toBe(true);
    expect(snapshot.resources.some((r) => r.arn === seeded.openDbSg)).toBe(true);
    expect(statusAt(findings, 'aws-rds-instance-storage-encrypted', seeded.goodDb)).toBe('pass');
    expect(statusAt(findings, 'aws-sg-no-world-ingress-to-data-ports', seeded.openDbSg)).toBe('fail');
  });

  it('does not retry a call the service says it does not implement (a 500 the SDK would retry), and records it', () => {
    expect(attempts.get(`DescribeTrailsCommand@${BAD}`)).toBe(1);
    expect(attempts.get(`DescribeTrailsCommand@${GOOD}`)).toBe(1);
    expect(snapshot.calls).toContainEqual({ service: 'cloudtrail', operation: 'DescribeTrails', region: BAD, ok: false, code: 'NotImplemented' });
    // a 500 of another kind is still retried (maxAttempts 3): see the first test's DescribeSecurityGroups
  });

  it('does not retry AccessDenied, and records it on the facet that needed the call', () => {
    expect(attempts.get(`GetBucketEncryptionCommand@${GOOD}`)).toBe(2); // two buckets in us-east-1, one attempt each
    const good = snapshot.resources.find((r) => r.arn === seeded.goodBucket)!;
    expect(good.errors?.encryption).toMatchObject({ code: 'AccessDenied', call: 's3:GetEncryptionConfiguration' });
    expect(snapshot.calls).toContainEqual({ service: 's3', operation: 'GetEncryptionConfiguration', region: GOOD, ok: false, code: 'AccessDenied' });
  });

  it('turns a failed facet into an error finding for exactly the policies that need it', () => {
    expect(statusAt(findings, 'aws-s3-sse-kms', seeded.goodBucket)).toBe('error');
    expect(statusAt(findings, 'aws-s3-sse-kms', seeded.badBucket)).toBe('error');
    const f = findings.find((x) => x.policyId === 'aws-s3-sse-kms' && x.resource.arn === seeded.goodBucket)!;
    expect(f.message).toContain('s3:GetEncryptionConfiguration');
    expect(f.message).toContain('AccessDenied');
    // The other facets of the same bucket were read: their policies still decide.
    expect(statusAt(findings, 'aws-s3-versioning-enabled', seeded.goodBucket)).toBe('pass');
    expect(statusAt(findings, 'aws-s3-public-access-block', seeded.goodBucket)).toBe('pass');
    expect(statusAt(findings, 'aws-s3-versioning-enabled', seeded.badBucket)).toBe('fail');
  });

  it('reports a timeout past retries as an error, never a pass', () => {
    expect(attempts.get(`GetKeyRotationStatusCommand@${BAD}`)).toBe(3);
    const key = snapshot.resources.find((r) => r.arn === seeded.badKey)!;
    expect(key.errors?.rotation).toMatchObject({ code: 'Timeout', call: 'kms:GetKeyRotationStatus' });
    expect(statusAt(findings, 'aws-kms-key-rotation-enabled', seeded.badKey)).toBe('error');
    expect(statusAt(findings, 'aws-kms-key-rotation-enabled', seeded.goodKey)).toBe('pass');
  });

  it('reports a list call that failed as errors for every policy over that kind in that region', () => {
    expect(snapshot.errors).toContainEqual(expect.objectContaining({ service: 'secretsmanager', region: BAD, code: 'AccessDenied', resourceTypes: ['AWS::SecretsManager::Secret'] }));
    expect(snapshot.errors).toContainEqual(expect.objectContaining({ service: 'rds', region: BAD, code: 'ThrottlingException' }));
    const secretPolicies = new Set(findings.filter((f) => f.resource.kind === 'aws.secretsmanager.secret').map((f) => f.policyId));
    const unlistedSecrets = findings.filter((f) => f.resource.arn === `arn:aws:unlisted:${BAD}:${ACCOUNT}:aws.secretsmanager.secret`);
    expect(unlistedSecrets.length).toBe(secretPolicies.size);
    expect(unlistedSecrets.every((f) => f.status === 'error')).toBe(true);
    expect(unlistedSecrets[0]!.message).toContain('secretsmanager:ListSecrets');
    // us-east-1 secrets were listed: they keep real verdicts.
    expect(statusAt(findings, 'aws-secrets-rotation-enabled', seeded.goodSecret)).toBe('pass');
    const unlistedDbs = findings.filter((f) => f.resource.arn === `arn:aws:unlisted:${BAD}:${ACCOUNT}:aws.rds.instance`);
    expect(unlistedDbs.length).toBeGreaterThan(5);
    expect(unlistedDbs.every((f) => f.status === 'error')).toBe(true);
    expect(findings.some((f) => f.resource.arn === seeded.badDb)).toBe(false);
  });

  it('never passes a policy on data it could not read', () => {
    for (const f of findings) {
      if (f.resource.arn?.includes(':unlisted:')) expect(f.status).toBe('error');
    }
    expect(findings.filter((f) => f.status === 'pass' && f.resource.arn === seeded.badKey && f.policyId === 'aws-kms-key-rotation-enabled')).toEqual([]);
  });
});

describe('--regions all, with every read denied', () => {
  it('audits every enabled region and turns every denied read into errors, never a pass', async () => {
    const denyAll: ClientHook = (client) => {
      client.middlewareStack.add(
        (next: (a: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
          if (context.commandName === 'GetCallerIdentityCommand' || context.commandName === 'DescribeRegionsCommand') return next(args);
          throw awsError('denied', context.commandName ?? '');
        },
        { step: 'deserialize', name: 'denyAll', priority: 'low' },
      );
    };
    const s = await collectSnapshot({ regions: 'all', endpointUrl: moto.endpoint, quiet: true, maxAttempts: 1, clientHooks: [denyAll] });
    expect(s.regions.length).toBeGreaterThan(10);
    expect(s.regions).toContain('eu-west-1');
    expect(s.resources).toEqual([]);
    // Every region's RDS reads, and the global-cluster list (one read for the account, region "global").
    expect(new Set(s.errors.filter((e) => e.service === 'rds').map((e) => e.region))).toEqual(new Set([...s.regions, 'global']));
    const f = evaluateSnapshot(s);
    expect(f.length).toBeGreaterThan(s.regions.length * 10);
    expect(f.filter((x) => x.status === 'pass')).toEqual([]);
    expect(f.filter((x) => x.status === 'fail')).toEqual([]);
  });
});

describe('collectSnapshot: problems the user can fix are one-line InputErrors', () => {
  it('rejects a malformed region name and an empty list', async () => {
    await expect(collectSnapshot({ regions: ['us-east-1', 'moon-1'], endpointUrl: moto.endpoint })).rejects.toThrow(/--regions: "moon-1" is not an AWS region name/);
    await expect(collectSnapshot({ regions: [], endpointUrl: moto.endpoint })).rejects.toBeInstanceOf(InputError);
  });

  it('rejects a region the account does not have', async () => {
    const e = await collectSnapshot({ regions: ['us-east-9'], endpointUrl: moto.endpoint, maxAttempts: 1 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(/"us-east-9" is not enabled in account 123456789012/);
    expect((e as Error).message).not.toContain('\n');
  });

  it('says the endpoint cannot be reached', async () => {
    const e = await collectSnapshot({ regions: ['us-east-1'], endpointUrl: 'http://127.0.0.1:9', maxAttempts: 1, requestTimeoutMs: 2000 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9/);
  });

  it('says the credentials are missing for an unknown profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferpa-creds-'));
    writeFileSync(join(dir, 'config'), '');
    writeFileSync(join(dir, 'credentials'), '');
    const saved = { c: process.env.AWS_CONFIG_FILE, s: process.env.AWS_SHARED_CREDENTIALS_FILE };
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    try {
      const e = await collectSnapshot({ regions: ['us-east-1'], endpointUrl: moto.endpoint, profile: 'no-such-profile', maxAttempts: 1 }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InputError);
      expect((e as Error).message).toMatch(/no usable AWS credentials/);
    } finally {
      process.env.AWS_CONFIG_FILE = saved.c;
      process.env.AWS_SHARED_CREDENTIALS_FILE = saved.s;
      if (saved.c === undefined) delete process.env.AWS_CONFIG_FILE;
      if (saved.s === undefined) delete process.env.AWS_SHARED_CREDENTIALS_FILE;
    }
  });

  it('assumes a role with --role-arn (moto answers for the role\'s account)', async () => {
    const s = await collectSnapshot({ regions: ['us-east-1'], endpointUrl: moto.endpoint, roleArn: 'arn:aws:iam::111122223333:role/ferpa-audit', quiet: true, maxAttempts: 1 });
    expect(s.account.id).toBe('111122223333');
    expect(s.resources.some((r) => r.arn === seeded.goodDb)).toBe(false);
  });
});
