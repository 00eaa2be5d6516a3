import { defineKinds } from './spec.js';

/**
 * org slice (issue 14, wave 4): S3 directory buckets (S3 Express One Zone). They share the S3 encryption and
 * policy facets (aws_s3_bucket_server_side_encryption_configuration, aws_s3_bucket_policy name them by bucket),
 * but not the general-purpose bucket's other settings: Block Public Access is always on and cannot be turned off,
 * and there is no versioning, object lock, replication or server access logging to judge.
 */
export const s3DirectoryKinds = defineKinds([
  {
    kind: 'aws.s3.directory-bucket',
    title: 'S3 directory bucket (S3 Express One Zone)',
    terraform: ['aws_s3_directory_bucket'],
    attrs: {
      bucketName: { type: 'string', description: 'Bucket name, `<base>--<zone id>--x-s3` (bucket; live: ListDirectoryBuckets Name).' },
      location: { type: 'string', description: 'The Availability Zone (or Local Zone) id the bucket lives in (location.name; live: the zone id in the name).' },
      sseAlgorithm: {
        type: 'string',
        description:
          'Default encryption: AES256 (SSE-S3, the default of every directory bucket) or aws:kms (SSE-KMS, which for a directory bucket takes only a customer managed key). Terraform: an aws_s3_bucket_server_side_encryption_configuration naming the bucket; live: GetBucketEncryption.',
      },
      kmsKeyId: { type: 'string', description: 'kms_master_key_id / KMSMasterKeyID of SSE-KMS.' },
      kmsKeyIsAwsManaged: { type: 'boolean', description: 'As on aws.s3.bucket (set by the shared encryption facet); a directory bucket refuses the AWS managed key aws/s3.' },
      bucketKeyEnabled: { type: 'boolean', description: 'S3 Bucket Key for SSE-KMS (always on for directory buckets once SSE-KMS is set).' },
      policy: { type: 'json', description: 'Bucket policy (aws_s3_bucket_policy naming the bucket). Absent: none.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: not collected, `{}`).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of SSE-KMS, when it is in the model.' },
      policySource: { kinds: ['aws.iam.policy-document'], description: 'The data.aws_iam_policy_document the bucket policy is written with.' },
    },
  },
]);
