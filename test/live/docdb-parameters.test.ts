import { CreateDBClusterCommand, CreateDBClusterParameterGroupCommand, ModifyDBClusterParameterGroupCommand, RDSClient } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/engine/types.js';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { ClientHook } from '../../checks/sources/live/collect/context.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * DocumentDB cluster parameters live: the collector reads the tls and audit_logs of each DocumentDB cluster's
 * parameter group (DescribeDBClusterParameters, the RDS API DocumentDB shares), so a group that turns TLS off fails
 * aws-docdb-cluster-tls-enabled, and a cluster that exports its audit log while the group leaves audit_logs disabled
 * fails aws-docdb-cluster-audit-log-export (both passed before: the group was never read). moto creates no cluster
 * of engine docdb, so the clusters are made as Aurora PostgreSQL on the docdb5.0 groups and a client hook reports
 * their engine as docdb in DescribeDBClusters, as AWS lists DocumentDB clusters; moto answers the group reads.
 */
const EAST = 'us-east-1';
const TLS = 'aws-docdb-cluster-tls-enabled';
const AUDIT = 'aws-docdb-cluster-audit-log-export';

let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];
const arns: Record<'plaintext' | 'audited', string> = { plaintext: '', audited: '' };

/** DescribeDBClusters as AWS answers it for DocumentDB clusters: Engine docdb. */
const docdbEngine: ClientHook = (client) =>
  client.middlewareStack.add(
    (next: (a: unknown) => Promise<{ output: { DBClusters?: Array<{ Engine?: string }> } }>, context: { commandName?: string }) => async (args: unknown) => {
      const out = await next(args);
      if (context.commandName === 'DescribeDBClustersCommand') for (const c of out.output.DBClusters ?? []) c.Engine = 'docdb';
      return out;
    },
    { step: 'initialize', name: 'docdbEngine', priority: 'high' },
  );

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const rds = new RDSClient({ region: EAST, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const group = async (name: string, params: Record<string, string>) => {
    await rds.send(new CreateDBClusterParameterGroupCommand({ DBClusterParameterGroupName: name, DBParameterGroupFamily: 'docdb5.0', Description: name }));
    await rds.send(new ModifyDBClusterParameterGroupCommand({ DBClusterParameterGroupName: name, Parameters: Object.entries(params).map(([ParameterName, ParameterValue]) => ({ ParameterName, ParameterValue, ApplyMethod: 'pending-reboot' })) }));
  };
  await group('sis-no-tls', { tls: 'disabled' });
  await group('sis-audited', { tls: 'enabled', audit_logs: 'all' });
  const cluster = async (id: string, groupName: string) =>
    (
      await rds.send(
        new CreateDBClusterCommand({ DBClusterIdentifier: id, Engine: 'aurora-postgresql', MasterUsername: 'docdb_admin', MasterUserPassword: 'not-a-real-password-1', DBClusterParameterGroupName: groupName, StorageEncrypted: true, EnableCloudwatchLogsExports: ['audit'] }),
      )
    ).DBCluster!.DBClusterArn!;
  arns.plaintext = await cluster('sis-docdb-plaintext', 'sis-no-tls');
  arns.audited = await cluster('sis-docdb-audited', 'sis-audited');
  snapshot = await collectSnapshot({ regions: [EAST], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2, clientHooks: [docdbEngine] });
  findings = evaluateSnapshot(snapshot, 'snapshot.json', [TLS, AUDIT]);
});

afterAll(async () => {
  await moto?.stop();
});

describe('DocumentDB cluster parameters against moto', () => {
  it('keeps the tls and audit_logs of each DocumentDB cluster\'s group', () => {
    const rec = snapshot.resources.find((r) => r.arn === arns.plaintext)!;
    expect(rec.type).toBe('AWS::DocDB::DBCluster');
    expect((rec.data.parameters as Record<string, { value: string }>).tls!.value).toBe('disabled');
    expect(snapshot.calls.some((c) => c.ok && `${c.service}:${c.operation}` === 'rds:DescribeDBClusterParameters')).toBe(true);
  });

  it('fails the cluster whose group turns TLS off, and the one whose group leaves the audit log off', () => {
    expect(statusAt(findings, TLS, arns.plaintext)).toBe('fail');
    expect(statusAt(findings, AUDIT, arns.plaintext)).toBe('fail');
  });

  it('passes the cluster whose group keeps TLS and the audit log on', () => {
    expect(statusAt(findings, TLS, arns.audited)).toBe('pass');
    expect(statusAt(findings, AUDIT, arns.audited)).toBe('pass');
  });
});
