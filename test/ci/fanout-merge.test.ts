import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutBucketTaggingCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Results } from '../../checks/engine/types.js';
import { motoEnv, startMoto, type Moto } from '../live/moto.js';
import { ACCOUNT } from '../live/seed.js';
import { BIN } from './helpers.js';

/**
 * The fan-out's merge on emulator-backed runs of several accounts: moto holds an organisation and the
 * evidence bucket; `shards` writes the manifest, `audit --account --shard` runs some of the shards (each
 * in its own account, reached by sts:AssumeRole as in the state machine's tasks), and the merge reads
 * the run prefix. Shards that never ran must come back as errors, never as passes or as nothing.
 */
const REGION = 'us-east-1';
const REGIONS = ['us-east-1', 'us-east-2'];
const BUCKET = 'org-ferpa-ready-evidence';
const RUN = 'fanout/run-1';
let moto: Moto;
let members: Record<'a' | 'b' | 'c', string>;
let s3: S3Client;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

// Asynchronous on purpose: moto's log pipe is drained by this process, so it must not block.
function ferpa(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AWS_ENDPOINT_URL: moto.endpoint, FERPA_READY_NOW: '2026-11-22T03:00:00Z', NO_COLOR: '1' },
    });
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
}

async function asMember(id: string) {
  const base = { region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const k = (await new STSClient(base).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${id}:role/seed`, RoleSessionName: 'seed' }))).Credentials!;
  return { region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey!, sessionToken: k.SessionToken! } };
}

async function readJson<T>(key: string): Promise<T> {
  const res = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return JSON.parse(await res.Body!.transformToString()) as T;
}

/** One shard as the state machine's map item runs it. */
function auditShard(account: string, region: string): Promise<Run> {
  const shard = `${account}-${region}`;
  return ferpa([
    'audit', '--account', account, '--shard', shard, '--regions', region, '--run-regions', REGIONS.join(','),
    '--snapshot-out', `s3://${BUCKET}/${RUN}/snapshots/${shard}.json`,
    '--format', `json=s3://${BUCKET}/${RUN}/results/${shard}.json`,
    '--fail-on', 'none', '--quiet',
  ]);
}

let shardRuns: Run[];
let fromSnapshots: Run;
let merged: Results;

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const org = new OrganizationsClient({ region: REGION, endpoint: moto.endpoint });
  await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const make = async (name: string) => (await org.send(new CreateAccountCommand({ Email: `${name}@example.edu`, AccountName: name }))).CreateAccountStatus!.AccountId!;
  members = { a: await make('registrar'), b: await make('lms'), c: await make('never-audited') };
  s3 = new S3Client({ region: REGION, endpoint: moto.endpoint, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  // Member a: a student-data bucket with no encryption of its own; member b: a key without rotation.
  const sa = new S3Client({ ...(await asMember(members.a)), forcePathStyle: true });
  await sa.send(new CreateBucketCommand({ Bucket: 'registrar-records' }));
  await sa.send(new PutBucketTaggingCommand({ Bucket: 'registrar-records', Tagging: { TagSet: [{ Key: 'DataClassification', Value: 'student-data' }] } }));
  await new KMSClient(await asMember(members.b)).send(new CreateKeyCommand({ Description: 'lms data' }));

  const manifest = await ferpa(['shards', '--accounts', [members.a, members.b, members.c].join(','), '--regions', REGIONS.join(','), '--out', `s3://${BUCKET}/${RUN}/shards.json`]);
  expect(manifest.status, manifest.stderr).toBe(0);
  // Three of the six shards run: member a in both regions, member b in one; b's second region and all of c never do.
  shardRuns = await Promise.all([auditShard(members.a, 'us-east-1'), auditShard(members.a, 'us-east-2'), auditShard(members.b, 'us-east-1')]);
  fromSnapshots = await ferpa([
    'scan', `s3://${BUCKET}/${RUN}/snapshots/`, '--shards', `s3://${BUCKET}/${RUN}/shards.json`,
    '--store', `s3://${BUCKET}/runs`, '--format', `json=s3://${BUCKET}/${RUN}/results.json`, '--format', `html=s3://${BUCKET}/${RUN}/readiness.html`,
  ]);
  merged = await readJson<Results>(`${RUN}/results.json`);
}, 300_000);

afterAll(async () => {
  await moto?.stop();
});

const missing = () => [`${members.b}-us-east-2`, `${members.c}-us-east-1`, `${members.c}-us-east-2`].sort();

describe('fan-out shards on moto: audit --account --shard writes to the run prefix', () => {
  it('lists every account x region, and the organisation with --org', async () => {
    const items = await readJson<Array<{ shard: string; account: string; region: string; roleArn: string }>>(`${RUN}/shards.json`);
    expect(items.map((i) => i.shard)).toEqual([members.a, members.b, members.c].sort().flatMap((id) => REGIONS.map((r) => `${id}-${r}`)));
    expect(items[0]!.roleArn).toBe(`arn:aws:iam::${items[0]!.account}:role/FerpaReadyAuditor`);
    const org = await ferpa(['shards', '--org', '--regions', REGION, '--org-role-name', 'AuditReader']);
    expect(org.status, org.stderr).toBe(0);
    const listed = JSON.parse(org.stdout) as Array<{ account: string; roleArn: string }>;
    expect(listed.map((i) => i.account).sort()).toEqual([ACCOUNT, members.a, members.b, members.c].sort());
    expect(listed.find((i) => i.account === members.b)!.roleArn).toBe(`arn:aws:iam::${members.b}:role/AuditReader`);
  });

  it('each shard audits its own account and records itself in its results', async () => {
    for (const r of shardRuns) expect(r.status, r.stderr).toBe(0);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `${RUN}/results/` }));
    expect(listed.Contents?.map((o) => o.Key).sort()).toEqual([`${members.a}-us-east-1`, `${members.a}-us-east-2`, `${members.b}-us-east-1`].sort().map((s) => `${RUN}/results/${s}.json`));
    const one = await readJson<Results>(`${RUN}/results/${members.a}-us-east-2.json`);
    const snapshotUrl = `s3://${BUCKET}/${RUN}/snapshots/${members.a}-us-east-2.json`;
    expect(one.shards).toEqual([{ id: `${members.a}-us-east-2`, account: members.a, regions: ['us-east-2'], status: 'audited', input: snapshotUrl }]);
    expect(one.inputs.map((i) => i.path)).toEqual([snapshotUrl]);
    expect(new Set(one.findings.map((f) => f.account))).toEqual(new Set([members.a]));
    // The shard reads one region, but records every region of the run as audited: residency is judged on the run.
    const snapshot = await readJson<{ accountSettings: Array<{ region: string; data: Record<string, unknown> }> }>(`${RUN}/snapshots/${members.a}-us-east-2.json`);
    expect((snapshot.accountSettings.find((x) => x.region === 'global')!.data.regionCoverage as { audited: string[] }).audited).toEqual(REGIONS);
  });

  it('refuses a role of another account in one line (exit 2), and a bad account id', async () => {
    const r = await ferpa(['audit', '--account', members.a, '--role-arn', `arn:aws:iam::${members.b}:role/FerpaReadyAuditor`, '--quiet']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`is not a role of account ${members.a}`);
    const bad = await ferpa(['audit', '--account', '12345', '--quiet']);
    expect([bad.status, bad.stderr.trim()]).toEqual([2, 'ferpa-ready: --account: expected a 12-digit AWS account id, got "12345"']);
    // --run-regions belongs to a shard, and a run that leaves out the shard's own region is not its run.
    const lone = await ferpa(['audit', '--run-regions', 'us-east-1', '--quiet']);
    expect([lone.status, lone.stderr.trim()]).toEqual([2, 'ferpa-ready: --run-regions: only with --shard (the regions of the fan-out this shard belongs to)']);
    const narrow = await ferpa(['audit', '--account', members.a, '--shard', `${members.a}-us-east-2`, '--regions', 'us-east-2', '--run-regions', 'us-east-1', '--quiet']);
    expect([narrow.status, narrow.stderr.trim()]).toEqual([2, "ferpa-ready: --run-regions: must hold the shard's own --regions (us-east-2)"]);
  });
});

describe('the merge step: scan s3://<run>/snapshots/ --shards', () => {
  it('writes one results document naming every shard, merged or missing', () => {
    expect(fromSnapshots.status, fromSnapshots.stderr).toBe(1);
    const statuses = Object.fromEntries(merged.shards!.map((s) => [s.id, s.status]));
    expect(Object.keys(statuses)).toHaveLength(6);
    expect(Object.entries(statuses).filter(([, s]) => s === 'missing').map(([id]) => id).sort()).toEqual(missing());
    expect(merged.shards!.find((s) => s.id === `${members.a}-us-east-2`)!.input).toBe(`s3://${BUCKET}/${RUN}/snapshots/${members.a}-us-east-2.json`);
    expect(merged.inputs.map((i) => i.path)).toContain(`s3://${BUCKET}/${RUN}/snapshots/${members.b}-us-east-1.json`);
  });

  it('keeps findings per account distinct: ids unique, each naming its account', () => {
    const ids = merged.findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(merged.findings.every((f) => /^\d{12}$/.test(f.account ?? ''))).toBe(true);
    const sse = merged.findings.filter((f) => f.policyId === 'aws-s3-sse-kms' && f.resource.arn === 'arn:aws:s3:::registrar-records');
    // The bucket is read by both of a's shards (S3 is account-wide): one finding, not two.
    expect(sse.map((f) => [f.account, f.status])).toEqual([[members.a, 'fail']]);
    const rot = merged.findings.filter((f) => f.policyId === 'aws-kms-key-rotation-enabled' && f.status === 'fail');
    expect(rot.map((f) => f.account)).toEqual([members.b]);
  });

  it('reports every policy over a missing shard as error, never pass', () => {
    const ofC = merged.findings.filter((f) => f.account === members.c);
    expect(ofC.length).toBeGreaterThan(10);
    expect(new Set(ofC.map((f) => f.status))).toEqual(new Set(['error']));
    expect(JSON.stringify(ofC[0])).toContain('ShardMissing');
    const bEast2 = merged.findings.filter((f) => f.account === members.b && f.region === 'us-east-2');
    expect(bEast2.length).toBeGreaterThan(0);
    expect(bEast2.every((f) => f.status === 'error')).toBe(true);
    expect(merged.summary.error).toBeGreaterThanOrEqual(ofC.length + bEast2.length);
    expect(fromSnapshots.stderr).toContain(`shard ${members.c}-us-east-1`);
  });

  it('stores one run in the evidence chain and writes the readiness report beside the results', async () => {
    const history = await ferpa(['history', '--store', `s3://${BUCKET}/runs`, '--format', 'json']);
    expect(history.status, history.stderr).toBe(0);
    expect(history.stdout.match(/"seq":/g)).toHaveLength(1);
    const html = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${RUN}/readiness.html` }));
    const text = await html.Body!.transformToString();
    expect(text).toContain(members.c);
    expect(text).toContain('<html');
  });
});

describe('report --results s3://<run>/results/ --shards: the shards\' results as one document', () => {
  it('merges the results the shards wrote, with the same verdicts as the merged scan', async () => {
    const r = await ferpa(['report', '--results', `s3://${BUCKET}/${RUN}/results/`, '--shards', `s3://${BUCKET}/${RUN}/shards.json`, '--merged', `s3://${BUCKET}/${RUN}/merged-results.json`, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = await readJson<Results>(`${RUN}/merged-results.json`);
    expect(doc.shards!.filter((s) => s.status === 'missing').map((s) => s.id).sort()).toEqual(missing());
    const ids = doc.findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const key = (f: Finding) => `${f.id} ${f.status}`;
    expect(doc.findings.map(key).sort()).toEqual(merged.findings.map(key).sort());
    expect(doc.inputs.filter((i) => i.kind === 'results').map((i) => i.path).sort()).toContain(`s3://${BUCKET}/${RUN}/results/${members.a}-us-east-1.json`);
    // The readiness report counts the missing shards' errors.
    expect(r.stdout).toContain(members.c);
  });

  it('no shard arrived at all: every shard missing, every finding an error (not an empty pass)', async () => {
    const r = await ferpa(['scan', `s3://${BUCKET}/fanout/run-nothing/snapshots/`, '--shards', `s3://${BUCKET}/${RUN}/shards.json`, '--format', 'json']);
    expect(r.status, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as Results;
    expect(doc.shards!.map((s) => s.status)).toEqual(Array(6).fill('missing'));
    expect(doc.findings.length).toBeGreaterThan(30);
    expect(new Set(doc.findings.map((f) => f.status))).toEqual(new Set(['error']));
    expect(new Set(doc.findings.map((f) => f.account))).toEqual(new Set([members.a, members.b, members.c]));
  });

  it('a results prefix with nothing in it, or a manifest that is not one, is one line and exit 2', async () => {
    const empty = await ferpa(['report', '--results', `s3://${BUCKET}/fanout/none/`]);
    expect(empty.status).toBe(2);
    expect(empty.stderr.trim().split('\n')).toHaveLength(1);
    expect(empty.stderr).toContain('no .json object under this prefix');
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'fanout/bad/shards.json', Body: JSON.stringify([{ shard: 'x', account: '1', region: 'us-east-1' }]) }));
    const bad = await ferpa(['scan', `s3://${BUCKET}/${RUN}/snapshots/`, '--shards', `s3://${BUCKET}/fanout/bad/shards.json`]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('not a ferpa-ready shard manifest');
  });
});
