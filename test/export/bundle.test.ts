import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrokenChainError } from '../../checks/export/bundle.js';
import { BUNDLE_MANIFEST, BUNDLE_SIGNATURE, bundleManifestBytes, bundleManifestHash, sha256Hex, type BundleManifest } from '../../checks/export/format.js';
import { verifyBundle } from '../../checks/export/verify.js';
import { NotAZip } from '../../checks/export/zip.js';
import { canonicalJson } from '../../checks/util/canonical-json.js';
import { openLocalStore } from '../../checks/store/local.js';
import { manifestBytes, manifestHash } from '../../checks/store/store.js';
import type { Manifest } from '../../checks/store/types.js';
import { alterOneByte, build, ed25519, finding, members, results, rezip, storeWithRuns, tempDir } from './helpers.js';

describe('evidence bundle: build and verify', () => {
  it('round trip: every run, HEAD, the chain, the report, attestations and waivers are in; verify passes', async () => {
    const { store, ids } = await storeWithRuns(3);
    const b = await build(store, {
      attestations: [{ control: 'FERPA-GOV-02', statement: 'Annual FERPA training for staff', attestedBy: 'CISO', date: '2026-06-01', document: 'training.pdf' }],
      waivers: [{ policy: 'aws-s3-tls-only-policy', resource: 'aws_s3_bucket.b3', reason: 'migration', owner: 'ops', expires: '2027-01-01' }],
    });
    const m = members(b.zip);
    for (const id of ids) {
      expect(m.has(`runs/${id}/results.json`)).toBe(true);
      // Run manifests are bundled byte for byte: the chain is re-checked on them.
      expect(Buffer.compare(Buffer.from(m.get(`runs/${id}/manifest.json`)!), readFileSync(join(store.location, id, 'manifest.json')))).toBe(0);
    }
    for (const p of ['runs/HEAD', 'chain.json', 'report/readiness-report.html', 'report/readiness-report.json', 'attestations.json', 'waivers.json', BUNDLE_MANIFEST]) expect(m.has(p), p).toBe(true);
    expect(b.manifest.reportedRuns).toEqual([ids[2]]);
    expect(b.manifest.chain).toMatchObject({ runs: 3, first: ids[0], last: ids[2] });
    const report = JSON.parse(Buffer.from(m.get('report/readiness-report.json')!).toString('utf8'));
    expect(report.scope.results.map((r: { path: string }) => r.path)).toEqual([`runs/${ids[2]}/results.json`]);
    // The two earlier runs are the trend's history; the report adds itself.
    expect(report.trend.map((t: { label: string }) => t.label).slice(0, 2)).toEqual(['run 1', 'run 2']);
    expect(report.trend.map((t: { at: string }) => t.at).slice(0, 2)).toEqual(['2026-11-02T00:00:00.000Z', '2026-11-03T00:00:00.000Z']);
    expect(JSON.parse(Buffer.from(m.get('attestations.json')!).toString()).attestations[0].control).toBe('FERPA-GOV-02');
    expect(JSON.parse(Buffer.from(m.get('waivers.json')!).toString()).waivers[0].resource).toBe('aws_s3_bucket.b3');
    // The manifest lists every member but itself with its hash.
    expect(b.manifest.files.map((f) => f.path).sort()).toEqual([...m.keys()].filter((k) => k !== BUNDLE_MANIFEST).sort());
    for (const f of b.manifest.files) expect(f.sha256).toBe(sha256Hex(m.get(f.path)!));

    const v = await verifyBundle(b.zip, 'e.zip');
    expect(v.problems).toEqual([]);
    expect(v).toMatchObject({ ok: true, runs: 3, signature: 'unsigned', failingMember: null, chain: { first: ids[0], last: ids[2] } });
  });

  it('--run picks the runs the report covers', async () => {
    const { store, ids } = await storeWithRuns(3);
    const b = await build(store, { runs: ['1', ids[1]!] });
    expect(b.manifest.reportedRuns).toEqual([ids[0], ids[1]]);
    await expect(build(store, { runs: ['nope'] })).rejects.toThrow(/no run "nope"/);
  });

  it('one changed byte in ANY member fails verification and names that member', async () => {
    const { store } = await storeWithRuns(2);
    const b = await build(store);
    const orig = members(b.zip);
    expect(orig.size).toBeGreaterThanOrEqual(10);
    for (const name of orig.keys()) {
      const m = new Map(orig);
      const altered = alterOneByte(m.get(name)!);
      expect(Buffer.compare(Buffer.from(altered), Buffer.from(m.get(name)!))).not.toBe(0);
      m.set(name, altered);
      const v = await verifyBundle(rezip(m), 'e.zip');
      expect(v.ok, name).toBe(false);
      expect(v.failingMember, name).toBe(name);
    }
  });

  it('a removed member or an extra member fails verification, naming it', async () => {
    const { store } = await storeWithRuns(2);
    const b = await build(store);
    const orig = members(b.zip);
    for (const name of orig.keys()) {
      const m = new Map(orig);
      m.delete(name);
      const v = await verifyBundle(rezip(m), 'e.zip');
      expect(v.ok, name).toBe(false);
      expect(v.failingMember, name).toBe(name);
      expect(v.problems[0]!.kind).toBe('missing');
    }
    // Folder entries a zip tool adds when re-packing carry nothing: still verified.
    const repacked = new Map([['report/', new Uint8Array()], ['runs/', new Uint8Array()], ...orig]);
    expect(await verifyBundle(rezip(repacked), 'e.zip')).toMatchObject({ ok: true, members: orig.size });
    const m = new Map(orig);
    m.set('notes/extra.txt', Buffer.from('not part of the evidence\n'));
    const v = await verifyBundle(rezip(m), 'e.zip');
    expect(v).toMatchObject({ ok: false, failingMember: 'notes/extra.txt' });
    expect(v.problems[0]!.kind).toBe('extra');
  });

  it('the chain inside is re-checked: a run manifest rewritten with a consistent bundle manifest still fails', async () => {
    const { store, ids } = await storeWithRuns(3);
    const b = await build(store);
    const m = members(b.zip);
    // Rewrite run 2's manifest (self-hash recomputed) and the bundle manifest's record of it.
    const path = `runs/${ids[1]}/manifest.json`;
    const rm = JSON.parse(Buffer.from(m.get(path)!).toString()) as Manifest;
    rm.summary = { ...rm.summary, fail: rm.summary.fail + 1 };
    const { manifestSha256: _x, ...rest } = rm;
    const fixed: Manifest = { ...rest, manifestSha256: manifestHash(rest) };
    m.set(path, manifestBytes(fixed));
    const bm = JSON.parse(Buffer.from(m.get(BUNDLE_MANIFEST)!).toString()) as BundleManifest;
    for (const f of bm.files) if (f.path === path) Object.assign(f, { sha256: sha256Hex(m.get(path)!), size: m.get(path)!.length });
    const { manifestSha256: _y, ...brest } = bm;
    m.set(BUNDLE_MANIFEST, bundleManifestBytes({ ...brest, manifestSha256: bundleManifestHash(brest) }));
    const v = await verifyBundle(rezip(m), 'e.zip');
    expect(v.ok).toBe(false);
    expect(v.problems.every((p) => p.kind === 'chain')).toBe(true);
    // Run 3 links to the old hash of run 2's manifest.
    expect(v.failingMember).toBe(`runs/${ids[2]}/manifest.json`);
    expect(v.problems[0]!.message).toMatch(/manifest changed after this run was written/);
  });

  it('signature: valid passes; a wrong key, an altered (re-hashed) manifest, a missing signature fail', async () => {
    const { store } = await storeWithRuns(2);
    const key = ed25519();
    const other = ed25519();
    const b = await build(store, { signKey: key.privateKey });
    const m = members(b.zip);
    expect(m.has(BUNDLE_SIGNATURE)).toBe(true);
    expect(b.manifest.signer?.keyId).toBe(sha256Hex(key.publicKey.export({ type: 'spki', format: 'der' })));

    expect(await verifyBundle(b.zip, 'e.zip', { publicKey: key.publicKey })).toMatchObject({ ok: true, signature: 'valid' });
    const noKey = await verifyBundle(b.zip, 'e.zip');
    expect(noKey).toMatchObject({ ok: true, signature: 'not-checked' });
    expect(noKey.notes.join('\n')).toMatch(/--public-key/);

    const wrong = await verifyBundle(b.zip, 'e.zip', { publicKey: other.publicKey });
    expect(wrong).toMatchObject({ ok: false, signature: 'invalid', failingMember: BUNDLE_SIGNATURE });

    // A consistent forgery: manifest changed and re-hashed, so only the signature can catch it.
    const bm = JSON.parse(Buffer.from(m.get(BUNDLE_MANIFEST)!).toString()) as BundleManifest;
    bm.store = 'somewhere-else';
    const { manifestSha256: _y, ...brest } = bm;
    const forged = new Map(m);
    forged.set(BUNDLE_MANIFEST, bundleManifestBytes({ ...brest, manifestSha256: bundleManifestHash(brest) }));
    expect((await verifyBundle(rezip(forged), 'e.zip')).ok).toBe(true);
    expect(await verifyBundle(rezip(forged), 'e.zip', { publicKey: key.publicKey })).toMatchObject({ ok: false, signature: 'invalid', failingMember: BUNDLE_SIGNATURE });

    // Every member of a signed bundle, one byte changed, with the key: fails naming it.
    for (const name of m.keys()) {
      const t = new Map(m);
      t.set(name, alterOneByte(t.get(name)!));
      const v = await verifyBundle(rezip(t), 'e.zip', { publicKey: key.publicKey });
      expect(v.ok, name).toBe(false);
      expect(v.failingMember, name).toBe(name);
    }

    const unsigned = await build(store);
    expect(await verifyBundle(unsigned.zip, 'e.zip', { publicKey: key.publicKey })).toMatchObject({ ok: false, failingMember: BUNDLE_SIGNATURE });
    const stripped = new Map(m);
    stripped.delete(BUNDLE_SIGNATURE);
    expect(await verifyBundle(rezip(stripped), 'e.zip')).toMatchObject({ ok: false, failingMember: BUNDLE_SIGNATURE });
  });

  it('never bundles a secret planted in results or snapshots; snapshots keep their other data and link to their run', async () => {
    const planted = {
      accessKey: 'AKIAIOSFODNN7EXAMPLE',
      ecsResultsPw: 'pl4nted-ecs-results-pw-4410',
      master: 'pl4nted-master-pw-9921',
      secretString: 'pl4nted-secret-string-5521',
      ecsSnapshotPw: 'pl4nted-ecs-snapshot-pw-3307',
    };
    const snapshot = {
      version: '1',
      resources: [
        { type: 'AWS::RDS::DBInstance', arn: 'arn:aws:rds:us-east-1:111122223333:db:students', region: 'us-east-1', account: '111122223333', data: { DBInstanceIdentifier: 'students', MasterUsername: 'admin', MasterUserPassword: planted.master, StorageEncrypted: true } },
        { type: 'AWS::SecretsManager::Secret', arn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db', region: 'us-east-1', account: '111122223333', data: { Name: 'db', SecretString: planted.secretString } },
        {
          type: 'AWS::ECS::TaskDefinition',
          arn: 'arn:aws:ecs:us-east-1:111122223333:task-definition/api:3',
          region: 'us-east-1',
          account: '111122223333',
          data: { containerDefinitions: [{ name: 'api', environment: [{ name: 'DB_PASSWORD', value: planted.ecsSnapshotPw }, { name: 'PORT', value: '8080' }] }] },
        },
      ],
    };
    const dir = tempDir('secrets');
    const snapBytes = Buffer.from(`${JSON.stringify(snapshot, null, 2)}\n`);
    const snapSha = createHash('sha256').update(snapBytes).digest('hex');
    const store = openLocalStore(join(dir, 'store'));
    const leaky = finding('aws-rds-instance-encrypted-with-cmk', 'aws_db_instance.main', 'fail', {
      message: `access key ${planted.accessKey} in the task environment`,
      evidence: {
        accessKeyId: planted.accessKey,
        containerDefinitions: [{ name: 'api', environment: [{ name: 'DB_PASSWORD', value: planted.ecsResultsPw }] }],
        storageEncrypted: true,
      },
    });
    const run = await store.append(results([leaky], '2026-11-21T00:00:00Z', [{ kind: 'live', path: 'snapshot.json', sha256: snapSha }]));
    const b = await build(store, { snapshots: [{ path: join(dir, 'snapshot.json'), bytes: snapBytes }] });

    const m = members(b.zip);
    for (const [name, data] of m) {
      const text = Buffer.from(data).toString('latin1');
      for (const [what, secret] of Object.entries(planted)) expect(text.includes(secret), `${what} in ${name}`).toBe(false);
    }
    const snap = JSON.parse(Buffer.from(m.get('snapshots/snapshot.json')!).toString());
    expect(snap.resources[0].data).toMatchObject({ DBInstanceIdentifier: 'students', MasterUsername: 'admin', MasterUserPassword: '(redacted)', StorageEncrypted: true });
    expect(snap.resources[2].data.containerDefinitions[0].environment[1]).toEqual({ name: 'PORT', value: '8080' });
    const snapFile = b.manifest.files.find((f) => f.path === 'snapshots/snapshot.json')!;
    expect(snapFile).toMatchObject({ role: 'snapshot', redacted: true, originalSha256: snapSha, usedBy: [run.id] });
    const resFile = b.manifest.files.find((f) => f.path === `runs/${run.id}/results.json`)!;
    expect(resFile).toMatchObject({ redacted: true, originalSha256: run.resultsSha256 });
    const res = JSON.parse(Buffer.from(m.get(`runs/${run.id}/results.json`)!).toString());
    expect(res.findings[0].evidence.storageEncrypted).toBe(true);

    // The redacted copy still verifies: the chain records the original's hash, noted as such.
    const v = await verifyBundle(b.zip, 'e.zip');
    expect(v.ok).toBe(true);
    expect(v.notes.join('\n')).toMatch(/redacted copy/);
    // ... but a redacted copy that claims another original is a chain break.
    const bm = JSON.parse(Buffer.from(m.get(BUNDLE_MANIFEST)!).toString()) as BundleManifest;
    for (const f of bm.files) if (f.path === resFile.path) f.originalSha256 = 'f'.repeat(64);
    const { manifestSha256: _y, ...brest } = bm;
    const t = new Map(m);
    t.set(BUNDLE_MANIFEST, bundleManifestBytes({ ...brest, manifestSha256: bundleManifestHash(brest) }));
    expect(await verifyBundle(rezip(t), 'e.zip')).toMatchObject({ ok: false, failingMember: resFile.path });
  });

  it('is deterministic: same store and clock give the same bytes; another clock does not', async () => {
    const { store } = await storeWithRuns(3);
    const a = await build(store);
    const b = await build(store);
    expect(Buffer.compare(Buffer.from(a.zip), Buffer.from(b.zip))).toBe(0);
    const c = await build(store, { now: new Date('2026-11-23T00:00:00Z') });
    expect(Buffer.compare(Buffer.from(a.zip), Buffer.from(c.zip))).not.toBe(0);
    expect(canonicalJson(a.manifest)).toBe(canonicalJson(b.manifest));
  });

  it('refuses to export a store whose chain breaks, and an empty store', async () => {
    const { store, ids, dir } = await storeWithRuns(2);
    const file = join(dir, ids[0]!, 'results.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"fail"', '"pass"'));
    const err = await build(store).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BrokenChainError);
    expect((err as BrokenChainError).report.breaksAt).toBe(ids[0]);
    await expect(build(openLocalStore(tempDir('empty')))).rejects.toThrow(/no complete runs/);
  });

  it('bytes that are not a zip are refused as input, not reported as tampering', async () => {
    await expect(verifyBundle(Buffer.from('this is not a zip file at all, just text\n'), 'x.zip')).rejects.toBeInstanceOf(NotAZip);
  });
});

describe('evidence bundle: zip-level tampering', () => {
  it('a member stored twice (a second copy appended) fails verification, naming it', async () => {
    const { Zip, ZipPassThrough } = await import('fflate');
    const { store } = await storeWithRuns(1);
    const b = await build(store);
    const orig = members(b.zip);
    const chunks: Uint8Array[] = [];
    const z = new Zip((err, data) => {
      if (err) throw err;
      chunks.push(data);
    });
    const add = (name: string, data: Uint8Array) => {
      const f = new ZipPassThrough(name);
      z.add(f);
      f.push(data, true);
    };
    for (const [name, data] of orig) add(name, data);
    add('waivers.json', Buffer.from('{"waivers":[]}\n'));
    z.end();
    const v = await verifyBundle(Buffer.concat(chunks), 'dup.zip');
    expect(v).toMatchObject({ ok: false, failingMember: 'waivers.json' });
    expect(v.problems[0]!.kind).toBe('duplicate');
  });
});

describe('zip writer', () => {
  it('stamps entries from the clock in UTC: the bytes do not depend on the machine time zone', async () => {
    const { writeZip } = await import('../../checks/export/zip.js');
    const entries = [
      { name: 'b.json', data: Buffer.from('{"b":1}\n') },
      { name: 'a.json', data: Buffer.from('{"a":1}\n') },
    ];
    const clock = new Date('2026-11-22T23:30:10Z');
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const west = writeZip(entries, clock);
      process.env.TZ = 'Asia/Tokyo';
      const east = writeZip(entries, clock);
      expect(Buffer.compare(Buffer.from(west), Buffer.from(east))).toBe(0);
      // Entries are sorted, whatever order they came in.
      expect(members(west).keys().next().value).toBe('a.json');
      // DOS time of the first local header (offset 10): 23:30:10 -> hours 23, minutes 30, seconds/2 5.
      const time = Buffer.from(west).readUInt16LE(10);
      expect([time >> 11, (time >> 5) & 0x3f, (time & 0x1f) * 2]).toEqual([23, 30, 10]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
