import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
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
    expect((listed.Contents ?? []).map((o) => o.Key).sort()).toEqual(['team/runs/HEAD', ...ids.flatMap((id) => [`team/runs/${id}/manifest.json`, `team/runs/${id}/results.json`])].sort());
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
  });
});
