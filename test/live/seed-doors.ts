import { CloudFrontClient, CreateDistributionWithTagsCommand, CreateOriginAccessControlCommand, type DistributionConfig } from '@aws-sdk/client-cloudfront';
import { CreateLaunchTemplateCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';

type Cfg = (region: string) => { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };

/** What the front-door seed created: one compliant distribution and one with every front-door mistake. */
export interface SeededDoors {
  goodDistribution: string;
  badDistribution: string;
  goodTemplate: string;
  badTemplate: string;
}

/** A user data line the launch-template collector must never copy into a snapshot. */
export const TEMPLATE_SECRET = 'template-user-data-secret';

function config(ref: string, over: Partial<DistributionConfig>): DistributionConfig {
  return {
    CallerReference: ref,
    Comment: ref,
    Enabled: true,
    Origins: { Quantity: 0, Items: [] },
    DefaultCacheBehavior: { TargetOriginId: 'site', ViewerProtocolPolicy: 'redirect-to-https', CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' },
    ...over,
  };
}

/**
 * CloudFront (global, us-east-1): a static frontend behind origin access control, a custom certificate
 * with TLS 1.2, a web ACL and access logs; and one serving HTTP from a public bucket website over the
 * default certificate, without a web ACL or logs.
 */
export async function seedFrontDoors(cfg: Cfg): Promise<SeededDoors> {
  const cf = new CloudFrontClient(cfg('us-east-1'));
  const oac = (await cf.send(new CreateOriginAccessControlCommand({ OriginAccessControlConfig: { Name: 'frontend', SigningProtocol: 'sigv4', SigningBehavior: 'always', OriginAccessControlOriginType: 's3' } }))).OriginAccessControl!;
  const good = await cf.send(
    new CreateDistributionWithTagsCommand({
      DistributionConfigWithTags: {
        DistributionConfig: config('frontend', {
          Origins: { Quantity: 1, Items: [{ Id: 'site', DomainName: 'frontend-site.s3.us-east-1.amazonaws.com', OriginAccessControlId: oac.Id, S3OriginConfig: { OriginAccessIdentity: '' } }] },
          ViewerCertificate: { ACMCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0b6a3e9c-1f7a-4c1e-9d2b-5a1e2f3c4d5e', SSLSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' },
          WebACLId: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/frontend/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
          Logging: { Enabled: true, IncludeCookies: false, Bucket: 'access-logs.s3.amazonaws.com', Prefix: 'cdn/' },
        }),
        Tags: { Items: [{ Key: 'DataClassification', Value: 'student-data' }] },
      },
    }),
  );
  const bad = await cf.send(
    new CreateDistributionWithTagsCommand({
      DistributionConfigWithTags: {
        DistributionConfig: config('legacy', {
          Origins: {
            Quantity: 1,
            Items: [{ Id: 'site', DomainName: 'legacy-site.s3-website-us-east-1.amazonaws.com', CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'http-only', OriginSslProtocols: { Quantity: 1, Items: ['TLSv1'] } } }],
          },
          DefaultCacheBehavior: { TargetOriginId: 'site', ViewerProtocolPolicy: 'allow-all', CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' },
          ViewerCertificate: { CloudFrontDefaultCertificate: true },
        }),
        Tags: { Items: [{ Key: 'DataClassification', Value: 'student-data' }] },
      },
    }),
  );
  const ec2 = new EC2Client(cfg('us-east-1'));
  const lt = async (name: string, HttpTokens: 'required' | 'optional') =>
    (
      await ec2.send(
        new CreateLaunchTemplateCommand({
          LaunchTemplateName: name,
          LaunchTemplateData: {
            ImageId: 'ami-12c6146b',
            InstanceType: 't3.small',
            MetadataOptions: { HttpTokens, HttpEndpoint: 'enabled' },
            // The compliant template encrypts its data volume; the broken one writes Encrypted false.
            BlockDeviceMappings: [{ DeviceName: '/dev/xvdb', Ebs: { VolumeSize: 20, Encrypted: HttpTokens === 'required' } }],
            UserData: Buffer.from(`#!/bin/sh\nexport DB_PASSWORD=${TEMPLATE_SECRET}\n`).toString('base64'),
          },
        }),
      )
    ).LaunchTemplate!.LaunchTemplateId!;
  const arnOf = (id: string) => `arn:aws:ec2:us-east-1:123456789012:launch-template/${id}`;
  return { goodDistribution: good.Distribution!.ARN!, badDistribution: bad.Distribution!.ARN!, goodTemplate: arnOf(await lt('workers', 'required')), badTemplate: arnOf(await lt('legacy-workers', 'optional')) };
}

/** Two running instances (us-east-1): one requiring IMDSv2 tokens, one answering IMDSv1. Kept out of the moto audit's seed. */
export async function seedImdsInstances(cfg: Cfg): Promise<{ goodInstance: string; badInstance: string }> {
  const ec2 = new EC2Client(cfg('us-east-1'));
  const run = async (HttpTokens: 'required' | 'optional') =>
    (await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', InstanceType: 't3.small', MinCount: 1, MaxCount: 1, MetadataOptions: { HttpTokens, HttpEndpoint: 'enabled' } }))).Instances![0]!.InstanceId!;
  const arnOf = (id: string) => `arn:aws:ec2:us-east-1:123456789012:instance/${id}`;
  return { goodInstance: arnOf(await run('required')), badInstance: arnOf(await run('optional')) };
}
