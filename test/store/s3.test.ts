import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  PutBucketVersioningCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Backend, openS3Store, parseS3Url } from '../../checks/store/s3.js';
import { verifyChain } from '../../checks/store/chain.js';
import { cli } from '../cli/run.js';
import { motoEnv, startMoto, type Moto } from '../live/moto.js';
import { nthResults } from './helpers.js';

let moto: Moto | undefined;
let startError: Error | undefined;
let s3: S3Client;

beforeAll(async () => {
  motoEnv();
  try {
    moto = await startMoto();
  } catch (e) {
    startError = e as Error;
    return;
  }
  s3 = new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'evidence-plain' }));
  await s3.send(new CreateBucketCommand({ Bucket: 'evidence-locked', ObjectLockEnabledForBucket: true }));
  await s3.send(new CreateBucketCommand({ Bucket: 'evidence-versioned' }));
  await s3.send(new PutBucketVersioningCommand({ Bucket: 'evidence-versioned', VersioningConfiguration: { Status: 'Enabled' } }));
});

afterAll(async () => {
  s3?.destroy();
  await moto?.stop();
});

function endpoint(): string {
  // A missing emulator is a failure with its install hint, never a skip.
  if (!moto) throw startError ?? new Error('moto did not start');
  return moto.endpoint;
}

async function body(key: string, bucket = 'evidence-plain'): Promise<string> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return out.Body!.transformToString();
}

/** HEAD of an S3 store pointed back at its run before the last (what a truncating attacker writes). */
async function moveHeadBack(bucket: string, prefix: string, ids: string[]): Promise<void> {
  const m = JSON.parse(await body(`${prefix}/${ids[ids.length - 2]}/manifest.json`, bucket));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${prefix}/HEAD`, Body: `${JSON.stringify({ id: m.id, manifestSha256: m.manifestSha256, seq: m.seq })}\n` }));
}

async function deleteRun(bucket: string, prefix: string, id: string, seq: number): Promise<void> {
  for (const f of ['results.json', 'commitments.json', 'manifest.json']) await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: `${prefix}/${id}/${f}` }));
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: `${prefix}/heads/${String(seq).padStart(6, '0')}.json` }));
}

describe('S3 run store (moto)', () => {
  it('parses s3:// URLs and refuses others', () => {
    expect(parseS3Url('s3://my-bucket/a/b/')).toEqual({ bucket: 'my-bucket', prefix: 'a/b/' });
    expect(parseS3Url('s3://my-bucket')).toEqual({ bucket: 'my-bucket', prefix: '' });
    expect(() => parseS3Url('s3:///x')).toThrow(/not an S3 URL/);
  });

  it('keeps runs under the prefix with the local layout, and the chain verifies', async () => {
    const store = openS3Store('s3://evidence-plain/team/runs', { endpointUrl: endpoint() });
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) ids.push((await store.append(nthResults(i))).id);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'evidence-plain', Prefix: 'team/runs/' }));
    expect((listed.Contents ?? []).map((o) => o.Key).sort()).toEqual(
      ['team/runs/HEAD', ...ids.flatMap((id, i) => [`team/runs/${id}/commitments.json`, `team/runs/${id}/manifest.json`, `team/runs/${id}/results.json`, `team/runs/heads/00000${i + 1}.json`])].sort(),
    );
    expect(JSON.parse(await body('team/runs/HEAD'))).toMatchObject({ id: ids[2], seq: 3 });
    const m2 = JSON.parse(await body(`team/runs/${ids[1]}/manifest.json`));
    expect(m2.previous.id).toBe(ids[0]);
    expect((await store.list()).runs.map((r) => r.name)).toEqual(ids);
    expect(await verifyChain(store)).toMatchObject({ ok: true, runs: 3, holdsUpTo: ids[2], problems: [] });
    expect((await store.readResults(ids[0]!)).generatedAt).toBe(nthResults(1).generatedAt);
  });

  it('never overwrites a run object (If-None-Match: *), and an object replaced behind its back breaks the chain', async () => {
    const store = openS3Store('s3://evidence-plain/tamper', { endpointUrl: endpoint() });
    const a = await store.append(nthResults(1));
    const b = await store.append(nthResults(2));
    const backend = new S3Backend('s3://evidence-plain/tamper', { endpointUrl: endpoint() });
    const key = `${a.id}/results.json`;
    const original = await body(`tamper/${key}`);
    await expect(backend.create(key, Buffer.from('{"forged":true}'))).rejects.toThrow(/already exists/);
    expect(await body(`tamper/${key}`)).toBe(original);

    // Someone with raw access replaces the results of the first run.
    await s3.send(new PutObjectCommand({ Bucket: 'evidence-plain', Key: `tamper/${key}`, Body: original.replace('"fail"', '"pass"') }));
    const r = await verifyChain(store);
    expect(r).toMatchObject({ ok: false, breaksAt: a.id, holdsUpTo: null });
    expect(r.problems.find((p) => p.breaks)).toMatchObject({ kind: 'results-hash', run: a.id });
    expect(b.seq).toBe(2);
  });

  it('with Object Lock: objects carry a retention mode and date, a second write to the same key is refused', async () => {
    const store = openS3Store('s3://evidence-locked/runs', { endpointUrl: endpoint() });
    const run = await store.append(nthResults(1));
    const key = `runs/${run.id}/results.json`;
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'evidence-locked', Key: key }));
    expect(head.ObjectLockMode).toBe('GOVERNANCE');
    expect(head.ObjectLockRetainUntilDate!.getTime()).toBeGreaterThan(Date.now() + 300 * 86_400_000);
    const manifestHead = await s3.send(new HeadObjectCommand({ Bucket: 'evidence-locked', Key: `runs/${run.id}/manifest.json` }));
    expect(manifestHead.ObjectLockMode).toBe('GOVERNANCE');

    const backend = new S3Backend('s3://evidence-locked/runs', { endpointUrl: endpoint() });
    await expect(backend.create(`${run.id}/results.json`, Buffer.from('{}'))).rejects.toThrow(/already exists \(runs are write-once\)/);
    await expect(backend.create(`${run.id}/manifest.json`, Buffer.from('{}'))).rejects.toThrow(/already exists/);
    // The locked version cannot be deleted either.
    await expect(s3.send(new DeleteObjectCommand({ Bucket: 'evidence-locked', Key: key, VersionId: head.VersionId }))).rejects.toThrow();
    const second = await store.append(nthResults(2));
    expect(second.seq).toBe(2);
    expect(await verifyChain(store)).toMatchObject({ ok: true, runs: 2, problems: [] });
  });

  it('truncation as on a local store: the head record names a deleted newest run; without it only an anchor does', async () => {
    const store = openS3Store('s3://evidence-plain/trunc', { endpointUrl: endpoint() });
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) ids.push((await store.append(nthResults(i))).id);
    const head = (await verifyChain(store)).head!;
    for (const f of ['results.json', 'commitments.json', 'manifest.json']) await s3.send(new DeleteObjectCommand({ Bucket: 'evidence-plain', Key: `trunc/${ids[2]}/${f}` }));
    await moveHeadBack('evidence-plain', 'trunc', ids);
    const r = await verifyChain(store);
    expect(r.ok).toBe(false);
    expect(r.problems.find((p) => p.breaks)).toMatchObject({ kind: 'missing-run', run: ids[2], message: expect.stringContaining('heads/000003.json records') });
    await s3.send(new DeleteObjectCommand({ Bucket: 'evidence-plain', Key: 'trunc/heads/000003.json' }));
    expect((await verifyChain(store)).ok).toBe(true);
    const { anchorFromHash } = await import('../../checks/store/anchor.js');
    expect(await verifyChain(store, { anchors: [anchorFromHash(head.manifestSha256)] })).toMatchObject({ ok: false, anchors: [{ extended: false }] });
  });

  it('in a versioned bucket, deleted and overwritten run objects are caught from their versions, without an anchor', async () => {
    const url = 's3://evidence-versioned/runs';
    const store = openS3Store(url, { endpointUrl: endpoint() });
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) ids.push((await store.append(nthResults(i))).id);
    expect(await verifyChain(store)).toMatchObject({ ok: true, problems: [] });

    // Everything a truncation needs: the newest run and its head record deleted, HEAD moved back.
    await deleteRun('evidence-versioned', 'runs', ids[2]!, 3);
    await moveHeadBack('evidence-versioned', 'runs', ids);
    const r = await verifyChain(store);
    expect(r.ok).toBe(false);
    const deleted = r.problems.filter((p) => p.kind === 'deleted' && p.breaks);
    expect(deleted.map((p) => p.run).sort()).toEqual(['heads/000003.json', ids[2], ids[2], ids[2]].sort());
    expect(deleted[0]!.message).toMatch(/was deleted: a delete marker hides it, 1 earlier version remains in the bucket/);

    // A run rewritten in place (a second version of a write-once object).
    const key = `runs/${ids[0]}/results.json`;
    await s3.send(new PutObjectCommand({ Bucket: 'evidence-versioned', Key: key, Body: (await body(key, 'evidence-versioned')).replace('"fail"', '"pass"') }));
    const o = await verifyChain(store);
    expect(o.problems).toContainEqual(expect.objectContaining({ kind: 'overwritten', run: ids[0], breaks: true, message: `${ids[0]}/results.json has 2 versions: an object written once was overwritten (the earlier versions remain in the bucket)` }));
  });

  it('the CLI: history and verify against an s3:// store with --endpoint-url; a missing bucket is an input error', async () => {
    const url = 's3://evidence-plain/team/runs';
    const env = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' };
    const v = cli(['verify', '--store', url, '--endpoint-url', endpoint()], { env });
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toContain('chain holds: 3 runs');
    const h = cli(['history', '--store', url, '--format', 'json'], { env: { ...env, AWS_ENDPOINT_URL: endpoint() } });
    expect(h.code, h.stderr).toBe(0);
    expect(JSON.parse(h.stdout).runs).toHaveLength(3);
    const t = cli(['verify', '--store', 's3://evidence-plain/tamper', '--endpoint-url', endpoint()], { env });
    expect(t.code).toBe(1);
    expect(t.stdout).toMatch(/chain breaks at 000001-/);
    const missing = cli(['history', '--store', 's3://no-such-bucket-here/x', '--endpoint-url', endpoint()], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-bucket-here');
    const missingVerify = cli(['verify', '--store', 's3://no-such-bucket-here/x', '--endpoint-url', endpoint()], { env });
    expect(missingVerify.code).toBe(2);
    expect(missingVerify.stderr).toMatch(/^ferpa-ready: s3:\/\/no-such-bucket-here\/x\/: bucket no-such-bucket-here does not exist\n$/);
    const empty = cli(['verify', '--store', 's3://evidence-plain/nothing-here', '--endpoint-url', endpoint()], { env });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^ferpa-ready: s3:\/\/evidence-plain\/nothing-here\/ holds no runs: nothing to verify/);
  }, 180_000); // six CLI runs, each loading the S3 client: slow on a loaded machine
});
