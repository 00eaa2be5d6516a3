import { CognitoIdentityClient, CreateIdentityPoolCommand } from '@aws-sdk/client-cognito-identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/engine/types.js';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * Cognito identity pools live: the collector lists the pools and describes each (DescribeIdentityPool), and
 * aws-cognito-identity-pool-no-unauthenticated fails the pool that gives guests credentials and passes the other.
 */
const EAST = 'us-east-1';
const POLICY = 'aws-cognito-identity-pool-no-unauthenticated';

let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];
const ids = { guest: '', signedIn: '' };

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const client = new CognitoIdentityClient({ region: EAST, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const pool = async (name: string, guests: boolean) => (await client.send(new CreateIdentityPoolCommand({ IdentityPoolName: name, AllowUnauthenticatedIdentities: guests }))).IdentityPoolId!;
  ids.guest = await pool('sis_parent_portal_guests', true);
  ids.signedIn = await pool('sis_parent_portal', false);
  snapshot = await collectSnapshot({ regions: [EAST], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  findings = evaluateSnapshot(snapshot, 'snapshot.json', [POLICY]);
});

afterAll(async () => {
  await moto?.stop();
});

const arnOf = (id: string) => `arn:aws:cognito-identity:${EAST}:123456789012:identitypool/${id}`;

describe('Cognito identity pools against moto', () => {
  it('lists the pools once and describes each', () => {
    expect(snapshot.resources.filter((r) => r.type === 'AWS::Cognito::IdentityPool').map((r) => r.arn).sort()).toEqual([arnOf(ids.guest), arnOf(ids.signedIn)].sort());
    expect(snapshot.calls.filter((c) => `${c.service}:${c.operation}` === 'cognito-identity:ListIdentityPools')).toHaveLength(1);
    expect(snapshot.calls.filter((c) => `${c.service}:${c.operation}` === 'cognito-identity:DescribeIdentityPool').map((c) => c.ok)).toEqual([true, true]);
  });

  it('fails the pool that gives guests credentials, and passes the one that does not', () => {
    expect(statusAt(findings, POLICY, arnOf(ids.guest))).toBe('fail');
    expect(statusAt(findings, POLICY, arnOf(ids.signedIn))).toBe('pass');
  });
});
