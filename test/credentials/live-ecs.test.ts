import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';

// Issue 12 probe: a live ECS task definition whose environment carries a raw secret value (a snapshot
// not made by our collector, which keeps only the kind of each value) passed
// aws-ecs-no-plaintext-secrets-in-environment: the raw value was taken for a sensitive one.
const ARN = 'arn:aws:ecs:us-east-1:123456789012:task-definition/sis-api:7';
const POLICY = 'aws-ecs-no-plaintext-secrets-in-environment';
const RAW_PASSWORD = 'Raw-Snapshot-Password-3391';
const RAW_KEY = 'AKIAQ3PROBE7FERPA9X2';

function withEnv(environment: Array<Record<string, unknown>>): Snapshot {
  return {
    snapshotVersion: '1',
    tool: { name: 'other-exporter', version: '1' },
    collectedAt: '2026-01-15T12:00:00Z',
    account: { id: '123456789012', partition: 'aws' },
    regions: ['us-east-1'],
    resources: [{ type: 'AWS::ECS::TaskDefinition', arn: ARN, region: 'us-east-1', account: '123456789012', data: { family: 'sis-api', containerDefinitions: [{ name: 'api', environment }], tags: {} } }],
    accountSettings: [],
    calls: [],
    errors: [],
  };
}

function finding(environment: Array<Record<string, unknown>>) {
  const findings = evaluateSnapshot(withEnv(environment), 'snap.json', [POLICY]);
  return { status: statusAt(findings, POLICY, ARN), text: JSON.stringify(findings), findings };
}

describe('live ECS environment with raw values', () => {
  it('a raw password under a credential name fails, naming the variable and not the value', () => {
    const f = finding([{ name: 'DB_HOST', value: 'db.internal' }, { name: 'DB_PASSWORD', value: RAW_PASSWORD }]);
    expect(f.status).toBe('fail');
    expect(f.text).toContain('DB_PASSWORD');
    expect(f.text).not.toContain(RAW_PASSWORD);
  });

  it('a raw access key under an ordinary name fails; so does one beside a shape that does not fit it', () => {
    const plain = finding([{ name: 'UPSTREAM', value: RAW_KEY }]);
    expect(plain.status).toBe('fail');
    expect(plain.text).not.toContain(RAW_KEY);
    const lying = finding([{ name: 'UPSTREAM', shape: 'flag', value: RAW_KEY, valueLength: 20 }]);
    expect(lying.status).toBe('fail');
    expect(lying.text).not.toContain(RAW_KEY);
  });

  it('raw references, flags and empty values pass', () => {
    const f = finding([
      { name: 'DB_PASSWORD_SECRET_ARN', value: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf' },
      { name: 'TOKEN_REFRESH_ENABLED', value: 'true' },
      { name: 'API_TOKEN', value: '' },
    ]);
    expect(f.status).toBe('pass');
  });

  it('a credential-named variable whose value is neither given nor described is unknown, not a pass', () => {
    expect(finding([{ name: 'DB_PASSWORD', valueLength: 24 }]).status).toBe('unknown');
    expect(finding([{ name: 'DB_PASSWORD', shape: 'encrypted-by-someone', valueLength: 24 }]).status).toBe('unknown');
    expect(finding([{ name: 'DB_PASSWORD', valueLength: 0 }]).status).toBe('pass');
  });
});
