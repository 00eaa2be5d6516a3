import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LakeFormationClient, RegisterResourceCommand } from '@aws-sdk/client-lakeformation';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * The apis slice's Lake Formation collector against moto. moto's ListResources leaves HybridAccessEnabled out of its
 * answer (AWS always gives it), so the registered location is judged unknown there, never a pass; the pass and fail
 * paths are proven by the live fixtures.
 */
const REGION = 'us-east-1';
const LOCATION = 'arn:aws:s3:::district-lake/grades';
let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const cfg = { region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  await new LakeFormationClient(cfg).send(new RegisterResourceCommand({ ResourceArn: LOCATION, RoleArn: 'arn:aws:iam::123456789012:role/lake-access', HybridAccessEnabled: true }));
  snapshot = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  findings = evaluateSnapshot(snapshot);
});

afterAll(async () => {
  await moto?.stop();
});

describe('Lake Formation registered locations collected from moto', () => {
  const arn = `arn:aws:lakeformation:${REGION}:123456789012:resource/${LOCATION}`;

  it('records the location through lakeformation:ListResources only', () => {
    const recs = snapshot.resources.filter((r) => r.type === 'AWS::LakeFormation::Resource');
    expect(recs.map((r) => r.arn)).toEqual([arn]);
    expect(recs[0]!.data).toMatchObject({ ResourceArn: LOCATION, RoleArn: 'arn:aws:iam::123456789012:role/lake-access' });
    const calls = new Set(snapshot.calls.filter((c) => c.service === 'lakeformation').map((c) => `${c.operation} ${c.ok}`));
    expect([...calls]).toEqual(['ListResources true']);
  });

  it('judges a location whose answer lacks HybridAccessEnabled unknown, not a pass (moto drops the field)', () => {
    expect(snapshot.resources.find((r) => r.arn === arn)!.data.HybridAccessEnabled).toBeUndefined();
    expect(statusAt(findings, 'aws-lakeformation-resource-hybrid-access-disabled', arn)).toBe('unknown');
  });
});
