import { CreateEndpointCommand, CreateReplicationInstanceCommand, DatabaseMigrationServiceClient } from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/engine/types.js';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * Database Migration Service live: the collector reads replication instances and endpoints with one describe each per
 * region; aws-dms-replication-instance-not-publicly-accessible and aws-dms-endpoint-ssl judge what the service reports,
 * and a service endpoint (S3) is not judged for TLS.
 */
const EAST = 'us-east-1';
const PUBLIC = 'aws-dms-replication-instance-not-publicly-accessible';
const SSL = 'aws-dms-endpoint-ssl';

let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];
const arns = { plainSource: '', tlsSource: '', s3Target: '' };

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const dms = new DatabaseMigrationServiceClient({ region: EAST, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  // moto creates the instance but answers with a timestamp the SDK cannot read (as it does for every describe of one)
  await dms.send(new CreateReplicationInstanceCommand({ ReplicationInstanceIdentifier: 'sis-migration', ReplicationInstanceClass: 'dms.t3.medium', PubliclyAccessible: true })).catch(() => undefined);
  const endpoint = async (id: string, engine: string, sslMode?: 'none' | 'verify-full') =>
    (
      await dms.send(
        new CreateEndpointCommand({ EndpointIdentifier: id, EndpointType: 'source', EngineName: engine, ServerName: 'sis-db.example.internal', Port: 5432, DatabaseName: 'sis', Username: 'migration', Password: 'not-read-by-the-audit', SslMode: sslMode }),
      )
    ).Endpoint!.EndpointArn!;
  arns.plainSource = await endpoint('sis-source-plain', 'postgres', 'none');
  arns.tlsSource = await endpoint('sis-source', 'postgres', 'verify-full');
  arns.s3Target = await endpoint('sis-export', 's3');
  snapshot = await collectSnapshot({ regions: [EAST], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  findings = evaluateSnapshot(snapshot, 'snapshot.json', [PUBLIC, SSL]);
});

afterAll(async () => {
  await moto?.stop();
});

describe('DMS against moto', () => {
  it('records every endpoint from one describe call, and never an endpoint password', () => {
    expect(snapshot.resources.filter((r) => r.type === 'AWS::DMS::Endpoint')).toHaveLength(3);
    expect(snapshot.calls.filter((c) => c.service === 'dms' && c.operation === 'DescribeEndpoints').map((c) => c.ok)).toEqual([true]);
    expect(JSON.stringify(snapshot)).not.toContain('not-read-by-the-audit');
  });

  it('reports the replication instances moto describes unreadably as an error for the region, never a pass', () => {
    expect(snapshot.calls.filter((c) => c.service === 'dms' && c.operation === 'DescribeReplicationInstances').map((c) => c.ok)).toEqual([false]);
    expect(snapshot.errors).toContainEqual(expect.objectContaining({ service: 'dms', region: EAST, resourceTypes: ['AWS::DMS::ReplicationInstance'] }));
    const got = findings.filter((f) => f.policyId === PUBLIC);
    expect(got.map((f) => f.status)).toEqual(['error']);
  });

  it('fails the database endpoint without TLS, passes the one that verifies, and leaves the S3 endpoint unjudged', () => {
    expect(statusAt(findings, SSL, arns.plainSource)).toBe('fail');
    expect(statusAt(findings, SSL, arns.tlsSource)).toBe('pass');
    expect(findings.some((f) => f.policyId === SSL && f.resource.arn === arns.s3Target)).toBe(false);
  });
});
