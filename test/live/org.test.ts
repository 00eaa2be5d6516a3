import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateBucketCommand, PutBucketTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot, DEFAULT_ORG_ROLE, readSnapshot, serializeSnapshot, type ClientHook } from '../../checks/sources/live/index.js';
import { Collector } from '../../checks/sources/live/collect/context.js';
import { listOrgAccounts } from '../../checks/sources/live/collect/org.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { InputError } from '../../checks/errors.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';
import { ACCOUNT } from './seed.js';

/**
 * --org against moto: an organisation with three members. Members are reached by sts:AssumeRole (moto
 * returns credentials of the member account named in the role ARN); one member's role is refused (a
 * hook answers its AssumeRole with AccessDenied, as a member without the auditor role would).
 */
const REGION = 'us-east-1';
let moto: Moto;
let members: Record<'a' | 'b' | 'c', string>;
let snapshot: Snapshot;
let findings: Finding[];
const assumed: string[] = [];

const refuseC: ClientHook = (client, info) => {
  if (info.service !== 'sts') return;
  client.middlewareStack.add(
    (next: (a: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
      const input = (args as { input: { RoleArn?: string } }).input;
      if (context.commandName === 'AssumeRoleCommand') {
        assumed.push(input.RoleArn!);
        if (input.RoleArn!.includes(`:${members.c}:`)) throw Object.assign(new Error(`User is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
      }
      return next(args);
    },
    { step: 'initialize', name: 'refuseMemberC' },
  );
};

async function asMember(id: string) {
  const base = { region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const k = (await new STSClient(base).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${id}:role/seed`, RoleSessionName: 'seed' }))).Credentials!;
  return { region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey!, sessionToken: k.SessionToken! } };
}

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const org = new OrganizationsClient({ region: REGION, endpoint: moto.endpoint });
  await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const make = async (name: string) => (await org.send(new CreateAccountCommand({ Email: `${name}@example.edu`, AccountName: name }))).CreateAccountStatus!.AccountId!;
  members = { a: await make('registrar'), b: await make('lms'), c: await make('no-auditor-role') };
  // Member a: a student-data bucket without default encryption settings of its own; member b: a key without rotation.
  const s3 = new S3Client({ ...(await asMember(members.a)), forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'registrar-records' }));
  await s3.send(new PutBucketTaggingCommand({ Bucket: 'registrar-records', Tagging: { TagSet: [{ Key: 'DataClassification', Value: 'student-data' }] } }));
  await new KMSClient(await asMember(members.b)).send(new CreateKeyCommand({ Description: 'lms data' }));
  snapshot = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2, org: { accountConcurrency: 2 }, clientHooks: [refuseC], now: () => new Date('2026-01-15T12:00:00Z') });
  findings = evaluateSnapshot(snapshot);
}, 120_000);

afterAll(async () => {
  await moto?.stop();
});

describe('--org: every ACTIVE account of the organisation', () => {
  it('lists the management account and every member, says how each was read', () => {
    const byId = Object.fromEntries((snapshot.accounts ?? []).map((a) => [a.id, a]));
    expect(Object.keys(byId).sort()).toEqual([ACCOUNT, members.a, members.b, members.c].sort());
    expect(byId[ACCOUNT]).toMatchObject({ access: 'caller', status: 'collected', name: 'master' });
    expect(byId[members.a]).toMatchObject({ access: 'assumed-role', status: 'collected', roleArn: `arn:aws:iam::${members.a}:role/${DEFAULT_ORG_ROLE}`, regions: [REGION] });
    // The caller's own account is never assumed into.
    expect(assumed.filter((a) => a.includes(`:${ACCOUNT}:`))).toEqual([]);
  });

  it('records a member whose role cannot be assumed, with a clear message, and audits the others', () => {
    const c = snapshot.accounts!.find((a) => a.id === members.c)!;
    expect(c.status).toBe('error');
    expect(c.error).toMatchObject({ code: 'AccessDenied', call: 'sts:AssumeRole' });
    expect(c.error!.message).toContain(`cannot assume arn:aws:iam::${members.c}:role/${DEFAULT_ORG_ROLE}`);
    expect(snapshot.resources.some((r) => r.account === members.c)).toBe(false);
    expect(snapshot.calls.some((x) => x.account === members.c)).toBe(false);
    // The failed AssumeRole is in the caller's call log.
    expect(snapshot.calls).toContainEqual(expect.objectContaining({ service: 'sts', operation: 'AssumeRole', ok: false, code: 'AccessDenied' }));
  });

  it('names the account of every resource, account setting and call', () => {
    const bucket = snapshot.resources.find((r) => r.arn === 'arn:aws:s3:::registrar-records')!;
    expect(bucket.account).toBe(members.a);
    const key = snapshot.resources.find((r) => r.type === 'AWS::KMS::Key' && r.account === members.b);
    expect(key?.arn).toContain(`:${members.b}:key/`);
    // The default VPC of every reachable account, each under its own account id.
    const vpcAccounts = new Set(snapshot.resources.filter((r) => r.type === 'AWS::EC2::VPC').map((r) => r.account));
    expect([...vpcAccounts].sort()).toEqual([ACCOUNT, members.a, members.b].sort());
    expect(snapshot.accountSettings.filter((s) => s.account === members.a).map((s) => s.region).sort()).toEqual(['global', REGION]);
    expect(snapshot.calls.filter((x) => x.account === members.b && x.operation === 'ListKeys')).toHaveLength(1);
  });

  it('gives findings that carry the member account and region', () => {
    expect(statusAt(findings, 'aws-s3-sse-kms', 'arn:aws:s3:::registrar-records')).toBe('fail');
    const f = findings.find((x) => x.policyId === 'aws-s3-sse-kms' && x.resource.arn === 'arn:aws:s3:::registrar-records')!;
    expect([f.account, f.region]).toEqual([members.a, REGION]);
    const rot = findings.find((x) => x.policyId === 'aws-kms-key-rotation-enabled' && x.account === members.b)!;
    expect(rot.status).toBe('fail');
    // Account-level policies are evaluated per account and region.
    for (const id of [ACCOUNT, members.a, members.b]) expect(statusAt(findings, 'aws-ebs-default-encryption', `arn:aws::${REGION}:${id}:account`)).toBe('fail');
  });

  it('reports every policy over the unreachable member as error, naming the role, never pass', () => {
    const ofC = findings.filter((x) => x.account === members.c);
    expect(ofC.length).toBeGreaterThan(10);
    expect(new Set(ofC.map((x) => x.status))).toEqual(new Set(['error']));
    expect(ofC.some((x) => x.policyId === 'aws-ebs-default-encryption')).toBe(true);
    expect(ofC.some((x) => x.policyId === 'aws-s3-sse-kms')).toBe(true);
    expect(JSON.stringify(ofC[0])).toContain(`role/${DEFAULT_ORG_ROLE}`);
  });

  it('writes a snapshot that validates and replays to the same findings', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ferpa-org-')), 'org.json');
    writeFileSync(file, serializeSnapshot(snapshot));
    const again = evaluateSnapshot(readSnapshot(file));
    const key = (f: Finding) => `${f.policyId}|${f.account}|${f.resource.arn}|${f.status}`;
    expect(again.map(key).sort()).toEqual(findings.map(key).sort());
  });
});

describe('ferpa-ready audit --org (the command)', () => {
  const bin = new URL('../../bin/ferpa-ready.js', import.meta.url).pathname;
  // Asynchronous on purpose: moto's log pipe is drained by this process, so it must not block.
  const run = (args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'audit', '--endpoint-url', moto.endpoint, '--regions', REGION, '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 110_000);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve({ status, stdout, stderr });
      });
    });

  it('audits every member with the role named, and reports findings per account', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ferpa-org-cli-')), 'snap.json');
    const r = await run(['--org', '--org-role-name', 'AuditReader', '--account-concurrency', '3', '--snapshot-out', file, '-f', 'json', '--fail-on', 'critical']);
    expect(r.status, r.stderr).toBeLessThan(2);
    const snap = readSnapshot(file);
    expect(snap.accounts?.map((a) => a.id).sort()).toEqual([ACCOUNT, members.a, members.b, members.c].sort());
    expect(snap.accounts?.find((a) => a.id === members.b)?.roleArn).toBe(`arn:aws:iam::${members.b}:role/AuditReader`);
    const results = JSON.parse(r.stdout) as { findings: Finding[] };
    expect(new Set(results.findings.map((f) => f.account))).toEqual(new Set([ACCOUNT, members.a, members.b, members.c]));
  }, 120_000);

  it('rejects a bad --account-concurrency in one line (exit 2)', async () => {
    const r = await run(['--org', '--account-concurrency', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/--account-concurrency: expected a positive whole number, got "0"/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('organisation account list', () => {
  /** Organizations answered from recorded pages (ListAccounts with a SUSPENDED account on page 2). */
  const pages: ClientHook = (client, info) => {
    if (info.service !== 'organizations') return;
    client.middlewareStack.add(
      () => async (args: unknown) => {
        const token = (args as { input: { NextToken?: string } }).input.NextToken;
        const output = token
          ? { Accounts: [{ Id: '333333333333', Name: 'old', Status: 'SUSPENDED', State: 'SUSPENDED' }, { Id: '444444444444', Name: 'new', State: 'ACTIVE' }] }
          : { Accounts: [{ Id: '222222222222', Name: 'a', Status: 'ACTIVE' }, { Id: '555555555555', Name: 'closing', State: 'PENDING_CLOSURE' }], NextToken: 'p2' };
        return { output: { ...output, $metadata: {} } };
      },
      { step: 'initialize', name: 'recordedPages' },
    );
  };
  const collector = (hooks: ClientHook[]) => new Collector({ accountId: '111111111111', partition: 'aws', concurrency: 2, maxAttempts: 1, requestTimeoutMs: 1000, clientHooks: hooks, credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });

  it('follows every page and keeps ACTIVE accounts only', async () => {
    const c = collector([pages]);
    expect(await listOrgAccounts(c, REGION)).toEqual([
      { id: '222222222222', name: 'a' },
      { id: '444444444444', name: 'new' },
    ]);
    expect(c.calls.filter((x) => x.operation === 'ListAccounts')).toHaveLength(2);
    c.destroy();
  });

  it('says so in one line when the caller is not in an organisation', async () => {
    const notInOrg: ClientHook = (client) =>
      client.middlewareStack.add(
        () => async () => {
          throw Object.assign(new Error('Your account is not a member of an organization.'), { name: 'AWSOrganizationsNotInUseException', $metadata: { httpStatusCode: 400 } });
        },
        { step: 'initialize', name: 'notInOrg' },
      );
    const c = collector([notInOrg]);
    await expect(listOrgAccounts(c, REGION)).rejects.toThrow(InputError);
    await expect(listOrgAccounts(c, REGION)).rejects.toThrow(/--org: account 111111111111 is not in an AWS Organization/);
    c.destroy();
  });
});

describe('member-account role policy', () => {
  it('covers every call of the organisation audit with the read-only policy plus the assume policy', () => {
    const read = JSON.parse(readFileSync(new URL('../../checks/sources/live/iam-policy.json', import.meta.url), 'utf8')) as { Statement: Array<{ Action: string[] }> };
    const assume = JSON.parse(readFileSync(new URL('../../checks/sources/live/org-assume-policy.json', import.meta.url), 'utf8')) as { Statement: Array<{ Action: string[] }> };
    const allowed = new Set([...read.Statement, ...assume.Statement].flatMap((x) => x.Action));
    const made = new Set(snapshot.calls.map((x) => `${x.service}:${x.operation}`));
    expect(made).toContain('organizations:ListAccounts');
    expect(made).toContain('sts:AssumeRole');
    expect([...made].filter((a) => !allowed.has(a))).toEqual([]);
  });

  it('lets the auditing principal assume only the auditor role, nothing else', () => {
    const doc = JSON.parse(readFileSync(new URL('../../checks/sources/live/org-assume-policy.json', import.meta.url), 'utf8'));
    expect(doc.Statement).toEqual([expect.objectContaining({ Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: `arn:aws:iam::*:role/${DEFAULT_ORG_ROLE}` })]);
  });
});
