import { attr, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/**
 * org slice (issue 14, wave 4): aws_s3_directory_bucket. Every directory bucket is encrypted with SSE-S3 until an
 * aws_s3_bucket_server_side_encryption_configuration (a facet, terraform/s3.ts) sets SSE-KMS.
 */
const directoryBucket: TfAdapter = (rec) => {
  const name = typeof rec.values.bucket === 'string' ? rec.values.bucket : undefined;
  const r = tfResource(rec, 'aws.s3.directory-bucket', [name]);
  r.attrs = {
    bucketName: attr<string>(rec, 'bucket'),
    location: attr<string>(rec, 'location.0.name'),
    sseAlgorithm: { value: 'AES256', origin: 'default', loc: r.loc },
    ...tagAttrs(rec),
  };
  return r;
};

export const s3DirectoryAdapters: Record<string, TfAdapter> = { aws_s3_directory_bucket: directoryBucket };
