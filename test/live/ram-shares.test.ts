import { CreateResourceShareCommand, RAMClient } from '@aws-sdk/client-ram';
import { CreateDBClusterCommand, RDSClient } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * AWS RAM shares read from moto_server on loopback: a share of the student-data Aurora cluster with an outside
 * account while external principals are allowed fails; the same cluster shared with external principals off passes.
 */
const REGION = 'us-east-1';
let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];
const arns: Record<string, string> = {};

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const cfg = { region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const cluster = await new RDSClient(cfg).send(
    new CreateDBClusterCommand({ DBClusterIdentifier: 'sis', Engine: 'aurora-postgresql', MasterUsername: 'sis_admin', MasterUserPassword: 'seed-only-pass1', StorageEncrypted: true, Tags: [{ Key: 'DataClassification', Value: 'student-data' }] }),
  );
  const clusterArn = cluster.DBCluster!.DBClusterArn!;
  const ram = new RAMClient(cfg);
  for (const [role, external] of [['open', true], ['internal', false]] as const) {
    const out = await ram.send(new CreateResourceShareCommand({ name: `sis-${role}`, allowExternalPrincipals: external, resourceArns: [clusterArn], principals: ['777788889999'] }));
    arns[role] = out.resourceShare!.resourceShareArn!;
  }
  snapshot = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 1, now: () => new Date('2026-12-01T12:00:00Z') });
  findings = evaluateSnapshot(snapshot, 'snapshot.json', ['aws-ram-share-of-student-data-in-organization']);
  arns.cluster = clusterArn;
}, 180_000);

afterAll(async () => {
  await moto?.stop();
});

describe('RAM shares against moto', () => {
  it('reads each share the account owns with what it holds and who it is shared with', () => {
    const open = snapshot.resources.find((r) => r.arn === arns.open);
    expect(open).toMatchObject({ type: 'AWS::RAM::ResourceShare', data: { name: 'sis-open', allowExternalPrincipals: true, resources: [arns.cluster], principals: ['777788889999'] } });
    expect(snapshot.calls.filter((c) => c.service === 'ram').every((c) => c.ok)).toBe(true);
  });

  it('fails the share that lets the cluster leave the organisation, passes the one that does not', () => {
    expect(statusAt(findings, 'aws-ram-share-of-student-data-in-organization', arns.open!)).toBe('fail');
    expect(statusAt(findings, 'aws-ram-share-of-student-data-in-organization', arns.internal!)).toBe('pass');
  });
});
