import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContext } from '../../checks/cli/context.js';
import { scanPaths } from '../../checks/pipeline/scan.js';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';
import { seedLedgers, type SeededLedgers } from './seed-ledgers.js';

/**
 * The ledgers slice's collectors against moto: each service moto implements seeded with a compliant resource and
 * a broken one, collected through the SDK and judged by the catalog; the services moto lacks give `error`.
 */
const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
let moto: Moto;
let seeded: SeededLedgers;
let snapshot: Snapshot;
let findings: Finding[];

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const cfg = (region: string) => ({ region, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  seeded = await seedLedgers(cfg, REGION, ACCOUNT);
  snapshot = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2, now: () => new Date('2026-01-15T12:00:00Z') });
  findings = evaluateSnapshot(snapshot);
});

afterAll(async () => {
  await moto?.stop();
});

const record = (arn: string) => snapshot.resources.find((r) => r.arn === arn);

describe('DAX collected from moto', () => {
  it('reads each cluster with its encryption settings and tags', () => {
    const good = record(seeded.goodDax)!;
    expect(good.type).toBe('AWS::DAX::Cluster');
    expect(good.errors).toBeUndefined();
    expect(good.data).toMatchObject({ ClusterName: 'sis-sessions', SSEDescription: { Status: 'ENABLED' }, ClusterEndpointEncryptionType: 'TLS', tags: { DataClassification: 'student-data' } });
  });

  it.each([['aws-dax-cluster-encrypted-at-rest'], ['aws-dax-cluster-tls-endpoint']])('%s: the compliant cluster passes, the bare one fails', (policy) => {
    expect(statusAt(findings, policy, seeded.goodDax)).toBe('pass');
    expect(statusAt(findings, policy, seeded.badDax)).toBe('fail');
  });
});

describe('the ledgers data stores are evaluated', () => {
  it('a scan of the snapshot reports every seeded store as evaluated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledgers-live-'));
    const file = join(dir, 'snapshot.json');
    writeFileSync(file, JSON.stringify(snapshot));
    const { config, catalog } = loadContext({});
    const scanned = (await scanPaths([file], { config, catalog, now: new Date('2026-01-15T12:00:00Z') })).results.findings;
    const all = Object.values(seeded);
    const evaluated = scanned.filter((f) => f.policyId === 'aws-data-store-evaluated' && all.includes(f.resource.arn ?? ''));
    expect(evaluated.map((f) => `${f.resource.arn} ${f.status}`).sort()).toEqual(all.map((a) => `${a} pass`).sort());
  });
});
