import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  S3Client,
  paginateListBuckets,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';
import type { SnapshotResource } from '../snapshot.js';

function s3Client(c: Collector, region: string): S3Client {
  // Emulators answer on one host: path-style addressing instead of <bucket>.<host>.
  return c.client(S3Client, region, c.settings.endpoint ? { forcePathStyle: true } : { followRegionRedirects: true });
}

/**
 * S3 (account-wide, read once from `home`): every bucket with its region, default encryption, public
 * access block, versioning, policy, lifecycle, logging and tags; and the account public access block.
 * Buckets in regions outside the audit are kept: where student data lives is itself a finding.
 */
export async function collectS3(c: Collector, home: string): Promise<void> {
  // The S3 Control endpoint rules put the account id in the host name; an emulator has one host.
  const endpoint = c.settings.endpoint;
  const control = c.client(S3ControlClient, home, endpoint ? { endpointProvider: () => ({ url: new URL(endpoint) }) } : {});
  const global = c.settingsOf('global');
  const pab = await c.read('s3', home, 's3:GetAccountPublicAccessBlock', () => control.send(new GetAccountPublicAccessBlockCommand({ AccountId: c.accountId })));
  facet(global, 's3AccountPublicAccessBlock', pab, (v) => v.PublicAccessBlockConfiguration ?? null);

  if (c.covered('AWS::S3::Bucket')) return;
  const client = s3Client(c, home);
  const buckets = await listAll(c, 's3', home, 's3:ListAllMyBuckets', ['AWS::S3::Bucket'], () => items(paginateListBuckets({ client }, {}), (p) => p.Buckets));
  await Promise.all(
    (buckets ?? []).map(async (b) => {
      const name = b.Name!;
      let region = b.BucketRegion;
      const rec: SnapshotResource = { type: 'AWS::S3::Bucket', arn: `arn:${c.partition}:s3:::${name}`, region: home, account: c.accountId, data: { Name: name, CreationDate: plain(b.CreationDate) } };
      if (!region) {
        const loc = await c.read('s3', home, 's3:GetBucketLocation', () => client.send(new GetBucketLocationCommand({ Bucket: name })));
        if (loc.ok) region = loc.value.LocationConstraint || 'us-east-1';
        else if (!loc.notConfigured) (rec.errors ??= {}).location = loc.error;
      }
      if (region) rec.region = region === 'EU' ? 'eu-west-1' : region;
      const rc = s3Client(c, rec.region);
      const at = rec.region;
      const [enc, bpab, ver, pol, life, log, tags, acl] = await Promise.all([
        c.read('s3', at, 's3:GetEncryptionConfiguration', () => rc.send(new GetBucketEncryptionCommand({ Bucket: name }))),
        c.read('s3', at, 's3:GetBucketPublicAccessBlock', () => rc.send(new GetPublicAccessBlockCommand({ Bucket: name }))),
        c.read('s3', at, 's3:GetBucketVersioning', () => rc.send(new GetBucketVersioningCommand({ Bucket: name }))),
        c.read('s3', at, 's3:GetBucketPolicy', () => rc.send(new GetBucketPolicyCommand({ Bucket: name }))),
        c.read('s3', at, 's3:GetLifecycleConfiguration', () => rc.send(new GetBucketLifecycleConfigurationCommand({ Bucket: name }))),
        c.read('s3', at, 's3:GetBucketLogging', () => rc.send(new GetBucketLoggingCommand({ Bucket: name }))),
        c.read('s3', at, 's3:GetBucketTagging', () => rc.send(new GetBucketTaggingCommand({ Bucket: name }))),
        c.read('s3', at, 's3:GetBucketAcl', () => rc.send(new GetBucketAclCommand({ Bucket: name }))),
      ]);
      facet(rec, 'encryption', enc, (v) => v.ServerSideEncryptionConfiguration ?? null);
      facet(rec, 'publicAccessBlock', bpab, (v) => v.PublicAccessBlockConfiguration ?? null);
      facet(rec, 'versioning', ver, (v) => ({ Status: v.Status ?? null, MFADelete: v.MFADelete ?? null }));
      facet(rec, 'policy', pol, (v) => (v.Policy ? JSON.parse(v.Policy) : null));
      facet(rec, 'lifecycle', life, (v) => v.Rules ?? []);
      facet(rec, 'logging', log, (v) => v.LoggingEnabled ?? null);
      facet(rec, 'tags', tags, (v) => tagMap(v.TagSet));
      facet(rec, 'acl', acl, (v) => ({ Owner: v.Owner?.ID ?? null, Grants: v.Grants ?? [] }));
      c.add(rec);
    }),
  );
}
