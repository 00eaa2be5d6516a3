import { CreateVpcCommand, CreateVpcEndpointCommand, DeleteVpcEndpointsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/engine/types.js';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * guard slice: the VPC endpoint collector against moto_server and the verdict of aws-vpc-egress-endpoints:
 * one VPC has S3, KMS and Secrets Manager endpoints, another only S3; moto's default VPC is not judged.
 */
const ACCOUNT = '123456789012';
const EAST = 'us-east-1';
const POLICY = 'aws-vpc-egress-endpoints';
const vpcArn = (id: string) => `arn:aws:ec2:${EAST}:${ACCOUNT}:vpc/${id}`;

let moto: Moto;
let ec2: EC2Client;
let complete: string;
let partial: string;
let snapshot: Snapshot;
let findings: Finding[];

const endpoint = async (vpc: string, service: string, type: 'Gateway' | 'Interface') =>
  (await ec2.send(new CreateVpcEndpointCommand({ VpcId: vpc, ServiceName: `com.amazonaws.${EAST}.${service}`, VpcEndpointType: type }))).VpcEndpoint!.VpcEndpointId!;

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  ec2 = new EC2Client({ region: EAST, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  complete = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.20.0.0/16' }))).Vpc!.VpcId!;
  partial = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.30.0.0/16' }))).Vpc!.VpcId!;
  await endpoint(complete, 's3', 'Gateway');
  await endpoint(complete, 'kms', 'Interface');
  await endpoint(complete, 'secretsmanager', 'Interface');
  await endpoint(partial, 's3', 'Gateway');
  snapshot = await collectSnapshot({ regions: [EAST], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  findings = evaluateSnapshot(snapshot, 'snapshot.json', [POLICY]);
});

afterAll(async () => {
  await moto?.stop();
});

describe('VPC endpoint collector against moto', () => {
  it('reads each endpoint with its VPC, service, type and state', () => {
    const records = snapshot.resources.filter((r) => r.type === 'AWS::EC2::VPCEndpoint');
    expect(records).toHaveLength(4);
    expect(records.find((r) => r.data.VpcId === complete && String(r.data.ServiceName).endsWith('.kms'))!.data).toMatchObject({ VpcEndpointType: 'Interface', State: expect.any(String) });
    expect(records[0]!.arn).toMatch(new RegExp(`^arn:aws:ec2:${EAST}:${ACCOUNT}:vpc-endpoint/vpce-`));
    expect(snapshot.calls.some((c) => c.ok && `${c.service}:${c.operation}` === 'ec2:DescribeVpcEndpoints')).toBe(true);
  });
});

describe('aws-vpc-egress-endpoints on the emulator-backed account', () => {
  it('passes the VPC with all three endpoints, fails the one with only S3, and does not judge the default VPC', () => {
    expect(statusAt(findings, POLICY, vpcArn(complete))).toBe('pass');
    const f = findings.find((x) => x.policyId === POLICY && x.resource.arn === vpcArn(partial))!;
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/no VPC endpoint for kms, secretsmanager/);
    const judged = findings.filter((x) => x.policyId === POLICY).map((x) => x.resource.arn).sort();
    expect(judged).toEqual([vpcArn(complete), vpcArn(partial)].sort());
  });

  it('fails the complete VPC once its KMS endpoint is deleted', async () => {
    const kms = snapshot.resources.find((r) => r.data.VpcId === complete && String(r.data.ServiceName).endsWith('.kms'))!.data.VpcEndpointId as string;
    await ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [kms] }));
    const after = evaluateSnapshot(await collectSnapshot({ regions: [EAST], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 }), 'snapshot.json', [POLICY]);
    expect(statusAt(after, POLICY, vpcArn(complete))).toBe('fail');
  });
});
