import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateDBProxyCommand, RDSClient } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/engine/types.js';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * RDS Proxy live: the collector reads every proxy with one DescribeDBProxies per region, and aws-rds-proxy-require-tls
 * and aws-rds-proxy-no-debug-logging judge RequireTLS and DebugLogging as the service reports them.
 */
const EAST = 'us-east-1';
const TLS = 'aws-rds-proxy-require-tls';
const DEBUG = 'aws-rds-proxy-no-debug-logging';

let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];
const arns: Record<'plain' | 'tls', string> = { plain: '', tls: '' };

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
  const rds = new RDSClient({ region: EAST, endpoint: moto.endpoint, credentials });
  // the default VPC's subnets (moto checks that a proxy's subnets exist)
  const subnets = ((await new EC2Client({ region: EAST, endpoint: moto.endpoint, credentials }).send(new DescribeSubnetsCommand({}))).Subnets ?? []).slice(0, 2).map((x) => x.SubnetId!);
  const proxy = async (name: string, requireTls: boolean, debug: boolean) =>
    (
      await rds.send(
        new CreateDBProxyCommand({
          DBProxyName: name,
          EngineFamily: 'POSTGRESQL',
          RoleArn: 'arn:aws:iam::123456789012:role/sis-records-proxy',
          VpcSubnetIds: subnets,
          Auth: [{ AuthScheme: 'SECRETS', IAMAuth: 'REQUIRED', SecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:sis/db-AbCdEf' }],
          RequireTLS: requireTls,
          DebugLogging: debug,
        }),
      )
    ).DBProxy!.DBProxyArn!;
  arns.plain = await proxy('sis-records-plain', false, true);
  arns.tls = await proxy('sis-records', true, false);
  snapshot = await collectSnapshot({ regions: [EAST], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  findings = evaluateSnapshot(snapshot, 'snapshot.json', [TLS, DEBUG]);
});

afterAll(async () => {
  await moto?.stop();
});

describe('RDS proxies against moto', () => {
  it('records each proxy once, from one DescribeDBProxies call', () => {
    const records = snapshot.resources.filter((r) => r.type === 'AWS::RDS::DBProxy');
    expect(records.map((r) => r.arn).sort()).toEqual([arns.plain, arns.tls].sort());
    expect(snapshot.calls.filter((c) => `${c.service}:${c.operation}` === 'rds:DescribeDBProxies')).toHaveLength(1);
  });

  it('fails the proxy that accepts plaintext and logs statements, and passes the other', () => {
    expect(statusAt(findings, TLS, arns.plain)).toBe('fail');
    expect(statusAt(findings, DEBUG, arns.plain)).toBe('fail');
    expect(statusAt(findings, TLS, arns.tls)).toBe('pass');
    expect(statusAt(findings, DEBUG, arns.tls)).toBe('pass');
  });
});
