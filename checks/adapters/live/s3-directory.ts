import { dataAt, keyIsAwsManaged, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/**
 * org slice (issue 14, wave 4): a directory bucket as ListDirectoryBuckets lists it, with the `encryption` facet
 * (GetBucketEncryption): SSE-S3 (AES256) when the answer has no rule, an error when the read failed.
 */
const directoryBucket: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.s3.directory-bucket', ctx, [dataAt(rec, 'Name')]);
  const byDefault = 'encryption.Rules.0.ApplyServerSideEncryptionByDefault';
  const algo = dataAt(rec, `${byDefault}.SSEAlgorithm`);
  const key = dataAt(rec, `${byDefault}.KMSMasterKeyID`) as string | undefined;
  const kms = typeof algo === 'string' && algo.startsWith('aws:kms');
  const name = dataAt(rec, 'Name');
  r.attrs = {
    bucketName: liveAttr(rec, ctx, 'Name'),
    location: liveDerived(rec, ctx, 'Name', typeof name === 'string' ? name.split('--')[1] : undefined),
    sseAlgorithm: liveAttr(rec, ctx, `${byDefault}.SSEAlgorithm`, { default: 'AES256', facet: 'encryption' }),
    kmsKeyId: liveAttr(rec, ctx, `${byDefault}.KMSMasterKeyID`, { facet: 'encryption' }),
    kmsKeyIsAwsManaged: liveDerived(rec, ctx, 'encryption', kms ? (key ? keyIsAwsManaged(ctx, key) : true) : undefined, ['encryption']),
    bucketKeyEnabled: liveAttr(rec, ctx, 'encryption.Rules.0.BucketKeyEnabled', { default: false, facet: 'encryption' }),
    // Directory bucket tags and policies are not collected: no tags (never an error), so the bucket counts as unclassified.
    ...tagVals(rec, ctx, 'tags'),
  };
  if (kms && key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'encryption' }));
  return r;
};

export const s3DirectoryLiveAdapters: Record<string, LiveAdapter> = { 'AWS::S3Express::DirectoryBucket': directoryBucket };
