import { CreateRepositoryCommand, ECRClient, SetRepositoryPolicyCommand } from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/** The ECR collector against moto: a compliant repository and a broken one (public pull policy, mutable tags, no scanning). */
let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];
let good: string;
let bad: string;

const PARTNER_PULL = { Version: '2012-10-17', Statement: [{ Sid: 'PartnerPulls', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222233334444:root' }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }] };
const ANYONE_PULLS = { Version: '2012-10-17', Statement: [{ Sid: 'AnyonePulls', Effect: 'Allow', Principal: '*', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }] };

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const ecr = new ECRClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const tags = [{ Key: 'DataClassification', Value: 'operational' }];
  const g = await ecr.send(new CreateRepositoryCommand({ repositoryName: 'sis-api', imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: { scanOnPush: true }, tags }));
  await ecr.send(new SetRepositoryPolicyCommand({ repositoryName: 'sis-api', policyText: JSON.stringify(PARTNER_PULL) }));
  const b = await ecr.send(new CreateRepositoryCommand({ repositoryName: 'sis-legacy', imageTagMutability: 'MUTABLE', tags }));
  await ecr.send(new SetRepositoryPolicyCommand({ repositoryName: 'sis-legacy', policyText: JSON.stringify(ANYONE_PULLS) }));
  await ecr.send(new CreateRepositoryCommand({ repositoryName: 'sis-worker', imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: { scanOnPush: true }, tags }));
  good = g.repository!.repositoryArn!;
  bad = b.repository!.repositoryArn!;
  snapshot = await collectSnapshot({ regions: ['us-east-1'], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  findings = evaluateSnapshot(snapshot);
});

afterAll(async () => {
  await moto?.stop();
});

describe('ECR repositories collected from moto', () => {
  it('records every repository with its policy (null when it has none) and tags, through the three allowed calls', () => {
    const repos = snapshot.resources.filter((r) => r.type === 'AWS::ECR::Repository');
    expect(repos.map((r) => r.data.repositoryName).sort()).toEqual(['sis-api', 'sis-legacy', 'sis-worker']);
    for (const r of repos) {
      expect(r.errors).toBeUndefined();
      expect(r.data.tags).toEqual({ DataClassification: 'operational' });
    }
    expect(JSON.parse(repos.find((r) => r.arn === good)!.data.policy as string)).toEqual(PARTNER_PULL);
    expect(repos.find((r) => r.data.repositoryName === 'sis-worker')!.data.policy).toBeNull();
    const calls = new Set(snapshot.calls.filter((c) => c.service === 'ecr').map((c) => c.operation));
    expect([...calls].sort()).toEqual(['DescribeRepositories', 'GetRepositoryPolicy', 'ListTagsForResource']);
  });

  it('aws-ecr-repository-no-public-policy passes the partner-only and the policy-less repositories and fails the public one', () => {
    expect(statusAt(findings, 'aws-ecr-repository-no-public-policy', good)).toBe('pass');
    const worker = snapshot.resources.find((r) => r.data.repositoryName === 'sis-worker')!.arn;
    expect(statusAt(findings, 'aws-ecr-repository-no-public-policy', worker)).toBe('pass');
    expect(statusAt(findings, 'aws-ecr-repository-no-public-policy', bad)).toBe('fail');
  });

  it.each(['aws-ecr-immutable-tags', 'aws-ecr-scan-on-push'])('%s, live now, passes the compliant repository and fails the broken one', (policy) => {
    expect(statusAt(findings, policy, good)).toBe('pass');
    expect(statusAt(findings, policy, bad)).toBe('fail');
  });

  it('aws-ecr-repository-cmk fails both: moto keeps the default AES256 encryption', () => {
    expect(statusAt(findings, 'aws-ecr-repository-cmk', good)).toBe('fail');
    expect(statusAt(findings, 'aws-ecr-repository-cmk', bad)).toBe('fail');
  });
});
