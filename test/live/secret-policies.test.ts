import { CreateSecretCommand, PutResourcePolicyCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/engine/types.js';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * Secrets Manager resource policies live: the collector reads each secret's policy (GetResourcePolicy), and
 * aws-secrets-no-public-policy fails the secret any AWS principal may read, passes the one readable by a named
 * role, and the one without a policy.
 */
const EAST = 'us-east-1';
const POLICY = 'aws-secrets-no-public-policy';

let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];
const arns: Record<'open' | 'named' | 'none', string> = { open: '', named: '', none: '' };

const document = (principal: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'secretsmanager:GetSecretValue', Resource: '*' }] });

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const sm = new SecretsManagerClient({ region: EAST, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const secret = async (name: string) => (await sm.send(new CreateSecretCommand({ Name: name, SecretString: 'not-read-by-the-audit' }))).ARN!;
  arns.open = await secret('sis/db-credentials');
  arns.named = await secret('sis/vendor-api-key');
  arns.none = await secret('sis/smtp');
  await sm.send(new PutResourcePolicyCommand({ SecretId: arns.open, ResourcePolicy: document('*') }));
  await sm.send(new PutResourcePolicyCommand({ SecretId: arns.named, ResourcePolicy: document({ AWS: 'arn:aws:iam::444455556666:role/sis-integration' }) }));
  snapshot = await collectSnapshot({ regions: [EAST], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  findings = evaluateSnapshot(snapshot, 'snapshot.json', [POLICY]);
});

afterAll(async () => {
  await moto?.stop();
});

describe('secret resource policies against moto', () => {
  it('keeps each secret\'s policy text, null for a secret without one, and never a secret value', () => {
    const records = snapshot.resources.filter((r) => r.type === 'AWS::SecretsManager::Secret');
    expect(JSON.parse(String(records.find((r) => r.arn === arns.open)!.data.resourcePolicy)).Statement[0].Principal).toBe('*');
    expect(records.find((r) => r.arn === arns.none)!.data.resourcePolicy).toBeNull();
    expect(JSON.stringify(snapshot)).not.toContain('not-read-by-the-audit');
    expect(snapshot.calls.filter((c) => `${c.service}:${c.operation}` === 'secretsmanager:GetResourcePolicy')).toHaveLength(3);
  });

  it('fails the secret any principal may read, and passes the others', () => {
    expect(statusAt(findings, POLICY, arns.open)).toBe('fail');
    expect(statusAt(findings, POLICY, arns.named)).toBe('pass');
    expect(statusAt(findings, POLICY, arns.none)).toBe('pass');
  });
});
