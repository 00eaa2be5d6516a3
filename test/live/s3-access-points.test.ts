import { CreateBucketCommand, PutBucketTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateAccessPointCommand, PutAccessPointPolicyCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * S3 access points read from moto_server on loopback: the student-records bucket gets an access point whose policy lets
 * Principal "*" read every object (fails), one whose policy names the account's role (passes), one without a policy
 * (NoSuchAccessPointPolicy: passes, and the read is not an error) and a VPC-origin one with the public policy (passes:
 * S3 admits only requests from its VPC).
 */
const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const BUCKET = 'lincoln-usd-student-records';
const POLICY = 'aws-s3-access-point-not-public';
let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];
const arns: Record<string, string> = {};

const policyOf = (name: string, principal: unknown) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'Read', Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: `arn:aws:s3:${REGION}:${ACCOUNT}:accesspoint/${name}/object/*` }],
  });

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const cfg = { region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const s3 = new S3Client({ ...cfg, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await s3.send(new PutBucketTaggingCommand({ Bucket: BUCKET, Tagging: { TagSet: [{ Key: 'DataClassification', Value: 'student-data' }] } }));
  // The S3 Control endpoint rules put the account id in the host name; moto has one host.
  const endpoint = moto.endpoint;
  const control = new S3ControlClient({ ...cfg, endpointProvider: () => ({ url: new URL(endpoint) }) });
  const off = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };
  const points: Array<[string, unknown, boolean]> = [
    ['sis-dashboard', '*', false],
    ['sis-app', { AWS: `arn:aws:iam::${ACCOUNT}:role/sis-app` }, false],
    ['sis-none', undefined, false],
    ['sis-batch', { AWS: '*' }, true],
  ];
  for (const [name, principal, vpc] of points) {
    const out = await control.send(
      new CreateAccessPointCommand({ AccountId: ACCOUNT, Name: name, Bucket: BUCKET, PublicAccessBlockConfiguration: off, ...(vpc ? { VpcConfiguration: { VpcId: 'vpc-0a1b2c3d4e5f60718' } } : {}) }),
    );
    arns[name] = out.AccessPointArn!;
    if (principal !== undefined) await control.send(new PutAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: name, Policy: policyOf(name, principal) }));
  }
  snapshot = await collectSnapshot({ regions: [REGION, 'us-west-2'], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 1, now: () => new Date('2026-12-01T12:00:00Z') });
  findings = evaluateSnapshot(snapshot, 'snapshot.json', [POLICY]);
}, 180_000);

afterAll(async () => {
  await moto?.stop();
});

describe('S3 access points against moto', () => {
  it('reads each access point once, with its bucket, network origin and policy; no policy is an answer, not an error', () => {
    const read = snapshot.resources.filter((r) => r.type === 'AWS::S3::AccessPoint');
    // moto keeps one list for every region (its ARNs all name us-east-1): each access point is still read once
    expect(read.map((r) => r.arn).sort()).toEqual(Object.values(arns).sort());
    expect(read.find((r) => r.arn === arns['sis-dashboard'])).toMatchObject({ region: REGION, data: { Name: 'sis-dashboard', Bucket: BUCKET, NetworkOrigin: 'Internet', policy: { Statement: [{ Principal: '*' }] } } });
    expect(read.find((r) => r.arn === arns['sis-none'])?.data.policy).toBeNull();
    expect(read.find((r) => r.arn === arns['sis-batch'])?.data).toMatchObject({ NetworkOrigin: 'VPC', VpcConfiguration: { VpcId: 'vpc-0a1b2c3d4e5f60718' } });
    const calls = snapshot.calls.filter((c) => c.operation === 'ListAccessPoints' || c.operation === 'GetAccessPointPolicy');
    expect(calls.every((c) => c.ok && c.service === 's3')).toBe(true);
    expect(calls.map((c) => [c.operation, c.code])).toContainEqual(['GetAccessPointPolicy', 'NoSuchAccessPointPolicy']);
    expect(snapshot.resources.filter((r) => r.type === 'AWS::S3::AccessPoint').every((r) => !r.errors)).toBe(true);
  });

  it('fails the public access point, passes the others', () => {
    expect(statusAt(findings, POLICY, arns['sis-dashboard']!)).toBe('fail');
    expect(statusAt(findings, POLICY, arns['sis-app']!)).toBe('pass');
    expect(statusAt(findings, POLICY, arns['sis-none']!)).toBe('pass');
    expect(statusAt(findings, POLICY, arns['sis-batch']!)).toBe('pass');
  });
});
