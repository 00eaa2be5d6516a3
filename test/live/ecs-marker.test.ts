import { describe, expect, it } from 'vitest';
import { REDACTED_CREDENTIAL, REDACTED_LITERAL } from '../../checks/adapters/live/ecs.js';
import { CREDENTIAL_MARKER } from '../../checks/util/credentials.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';

const ARN = 'arn:aws:ecs:us-east-1:123456789012:task-definition/sis-sync:3';

function withEnv(environment: Array<Record<string, unknown>>): Snapshot {
  return {
    snapshotVersion: '1',
    tool: { name: 'ferpa-ready', version: 'test' },
    collectedAt: '2026-01-15T12:00:00Z',
    account: { id: '123456789012', partition: 'aws' },
    regions: ['us-east-1'],
    resources: [{ type: 'AWS::ECS::TaskDefinition', arn: ARN, region: 'us-east-1', account: '123456789012', data: { family: 'sis-sync', containerDefinitions: [{ name: 'sync', environment }], tags: {} } }],
    accountSettings: [],
    calls: [],
    errors: [],
  };
}

describe('ECS environment markers of a live snapshot', () => {
  it('the rule and the live adapter agree on the credential marker', () => {
    expect(CREDENTIAL_MARKER).toBe(REDACTED_CREDENTIAL);
    expect(REDACTED_LITERAL).not.toBe(CREDENTIAL_MARKER);
  });

  const policy = 'aws-ecs-no-plaintext-secrets-in-environment';
  it('a credential-shaped value under an ordinary name fails', () => {
    const f = evaluateSnapshot(withEnv([{ name: 'UPSTREAM', shape: 'credential', valueLength: 52, valueSha256: 'abc123abc123' }]), 'snap.json', [policy]);
    expect(statusAt(f, policy, ARN)).toBe('fail');
  });

  it('ordinary literal text under an ordinary name, flags and references pass', () => {
    const f = evaluateSnapshot(
      withEnv([
        { name: 'LOG_FORMAT', shape: 'text', valueLength: 4, valueSha256: 'abc123abc123' },
        { name: 'DEBUG', shape: 'flag', value: 'false', valueLength: 5 },
        { name: 'DB_SECRET_ARN', shape: 'reference', value: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf', valueLength: 60 },
      ]),
      'snap.json',
      [policy],
    );
    expect(statusAt(f, policy, ARN)).toBe('pass');
  });
});
