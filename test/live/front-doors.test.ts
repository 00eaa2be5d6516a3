import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';
import { seedFrontDoors, seedImdsInstances, TEMPLATE_SECRET, type SeededDoors } from './seed-doors.js';

/** The front-door collectors against moto: CloudFront distributions and EC2 launch templates, one compliant and one broken of each. */
let moto: Moto;
let seeded: SeededDoors;
let instances: { goodInstance: string; badInstance: string };
let snapshot: Snapshot;
let findings: Finding[];

const POLICIES = [
  'aws-cloudfront-viewer-https-only',
  'aws-cloudfront-tls-custom-certificate',
  'aws-cloudfront-waf-attached',
  'aws-cloudfront-access-logging',
  'aws-cloudfront-s3-origin-access-control',
  'aws-cloudfront-custom-origin-https-only',
];

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const cfg = (region: string) => ({ region, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  seeded = await seedFrontDoors(cfg);
  instances = await seedImdsInstances(cfg);
  snapshot = await collectSnapshot({ regions: ['us-east-1'], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  findings = evaluateSnapshot(snapshot);
});

afterAll(async () => {
  await moto?.stop();
});

describe('CloudFront distributions collected from moto', () => {
  it('records both distributions as account-wide records with their configuration and tags, through the three allowed calls', () => {
    const dists = snapshot.resources.filter((r) => r.type === 'AWS::CloudFront::Distribution');
    expect(dists.map((d) => d.arn).sort()).toEqual([seeded.goodDistribution, seeded.badDistribution].sort());
    for (const d of dists) {
      expect(d.region).toBe('global');
      expect(d.errors).toBeUndefined();
      expect(d.data.tags).toEqual({ DataClassification: 'student-data' });
    }
    const good = dists.find((d) => d.arn === seeded.goodDistribution)!;
    expect(good.data.DistributionConfig).toMatchObject({ Logging: { Enabled: true }, ViewerCertificate: { MinimumProtocolVersion: 'TLSv1.2_2021' } });
    const calls = new Set(snapshot.calls.filter((c) => c.service === 'cloudfront').map((c) => `${c.operation} ${c.ok}`));
    expect([...calls].sort()).toEqual(['GetDistributionConfig true', 'ListDistributions true', 'ListTagsForResource true']);
  });

  it.each(POLICIES.filter((p) => p !== 'aws-cloudfront-s3-origin-access-control'))('%s passes the compliant distribution and fails the broken one', (policy) => {
    expect(statusAt(findings, policy, seeded.goodDistribution)).toBe('pass');
    expect(statusAt(findings, policy, seeded.badDistribution)).toBe('fail');
  });

  it('judges origin access control from what the API returns (moto 5.2 drops an origin\'s OriginAccessControlId, so only the fixtures show the pass)', () => {
    const good = snapshot.resources.find((r) => r.arn === seeded.goodDistribution)!;
    const origin = (good.data.DistributionConfig as { Origins: { Items: Array<Record<string, unknown>> } }).Origins.Items[0]!;
    expect(origin.CustomOriginConfig).toBeUndefined();
    // When moto starts keeping the field, this fails: then assert a pass here.
    expect(origin.OriginAccessControlId ?? '').toBe('');
    expect(statusAt(findings, 'aws-cloudfront-s3-origin-access-control', seeded.goodDistribution)).toBe('fail');
    // The broken distribution's only origin is a custom (website) origin: no bucket origin to judge.
    expect(statusAt(findings, 'aws-cloudfront-s3-origin-access-control', seeded.badDistribution)).toBe('pass');
  });
});

describe('EC2 launch templates collected from moto', () => {
  it('keeps the default version\'s metadata options and never its user data', () => {
    const lts = snapshot.resources.filter((r) => r.type === 'AWS::EC2::LaunchTemplate');
    expect(lts.map((r) => r.arn).sort()).toEqual([seeded.goodTemplate, seeded.badTemplate].sort());
    expect(lts.find((r) => r.arn === seeded.goodTemplate)!.data.defaultVersion).toMatchObject({ MetadataOptions: { HttpTokens: 'required' } });
    const text = JSON.stringify(snapshot);
    expect(text).not.toContain(TEMPLATE_SECRET);
    expect(text).not.toContain(Buffer.from('#!/bin/sh').toString('base64').slice(0, 8));
  });

  it('aws-ec2-launch-template-imdsv2 passes the template requiring tokens and fails the one leaving them optional', () => {
    expect(statusAt(findings, 'aws-ec2-launch-template-imdsv2', seeded.goodTemplate)).toBe('pass');
    expect(statusAt(findings, 'aws-ec2-launch-template-imdsv2', seeded.badTemplate)).toBe('fail');
  });

  it('aws-ec2-launch-template-ebs-encrypted passes the template encrypting its volume and fails the one writing Encrypted false (moto: no EBS encryption by default)', () => {
    expect(snapshot.accountSettings.find((a) => a.region === 'us-east-1')?.data).toMatchObject({ ebsEncryptionByDefault: false });
    expect(statusAt(findings, 'aws-ec2-launch-template-ebs-encrypted', seeded.goodTemplate)).toBe('pass');
    expect(statusAt(findings, 'aws-ec2-launch-template-ebs-encrypted', seeded.badTemplate)).toBe('fail');
  });
});

describe('EC2 instances: IMDSv2 from DescribeInstances', () => {
  it('aws-ec2-instance-imdsv2 passes the instance requiring tokens and fails the one leaving them optional', () => {
    expect(statusAt(findings, 'aws-ec2-instance-imdsv2', instances.goodInstance)).toBe('pass');
    expect(statusAt(findings, 'aws-ec2-instance-imdsv2', instances.badInstance)).toBe('fail');
  });
});
