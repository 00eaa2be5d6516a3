import { GetBucketEncryptionCommand, paginateListDirectoryBuckets, S3Client } from '@aws-sdk/client-s3';
import { facet, items, listAll, plain, type Collector } from './context.js';

const TYPE = 'AWS::S3Express::DirectoryBucket';

/**
 * org slice (issue 14, wave 4): the S3 directory buckets (S3 Express One Zone) of one region (ListDirectoryBuckets,
 * authorised as s3express:ListAllMyDirectoryBuckets) with their default encryption (the `encryption` facet,
 * GetBucketEncryption on the regional control endpoint, s3express:GetEncryptionConfiguration).
 */
export async function collectS3Directory(c: Collector, region: string): Promise<void> {
  if (c.covered(TYPE)) return;
  const client = c.client(S3Client, region, c.settings.endpoint ? { forcePathStyle: true } : {});
  const buckets = await listAll(c, 's3express', region, 's3express:ListAllMyDirectoryBuckets', [TYPE], () => items(paginateListDirectoryBuckets({ client }, {}), (p) => p.Buckets));
  await Promise.all(
    (buckets ?? []).map(async (b) => {
      // Every directory bucket name ends in --x-s3; moto 5 answers ListDirectoryBuckets with the general-purpose buckets too.
      if (!b.Name?.endsWith('--x-s3')) return;
      const rec = c.add({ type: TYPE, arn: c.arn('s3express', region, `bucket/${b.Name}`), region, account: c.accountId, data: plain(b) as Record<string, unknown> });
      const enc = await c.read('s3express', region, 's3express:GetEncryptionConfiguration', () => client.send(new GetBucketEncryptionCommand({ Bucket: b.Name })));
      facet(rec, 'encryption', enc, (v) => v.ServerSideEncryptionConfiguration ?? null);
    }),
  );
}
