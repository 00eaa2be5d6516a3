import { defineKinds, type AttrSpec } from './spec.js';

const tagAttrs = {
  tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: GetBucketTagging as an object).' },
  dataClass: {
    type: 'string',
    description: 'Lowercased value of the first of DataClassification, DataClass, data_classification, data-classification, Classification tags.',
  },
} satisfies Record<string, AttrSpec>;

/**
 * One S3 bucket. Terraform attributes are normalised across the inline (provider v3) blocks of
 * aws_s3_bucket and the split resources of provider v4+ (facets merged by the linker); a split
 * resource wins over the inline block. Absent configuration takes the AWS default.
 */
export const s3Kinds = defineKinds([
  {
    kind: 'aws.s3.bucket',
    title: 'S3 bucket',
    terraform: [
      'aws_s3_bucket',
      'aws_s3_bucket_server_side_encryption_configuration',
      'aws_s3_bucket_versioning',
      'aws_s3_bucket_public_access_block',
      'aws_s3_bucket_lifecycle_configuration',
      'aws_s3_bucket_logging',
      'aws_s3_bucket_policy',
      'aws_s3_bucket_acl',
      'aws_s3_bucket_object_lock_configuration',
      'aws_s3_bucket_replication_configuration',
    ],
    attrs: {
      bucketName: { type: 'string', description: 'Bucket name (unknown when generated from bucket_prefix or left to Terraform).' },
      sseAlgorithm: {
        type: 'string',
        description:
          'Default encryption: AES256 (SSE-S3), aws:kms (SSE-KMS) or aws:kms:dsse. Since January 2023 AWS encrypts every bucket with SSE-S3, so no configuration means AES256 with origin default.',
      },
      kmsKeyId: { type: 'string', description: 'kms_master_key_id / KMSMasterKeyID as written or known (ARN, key id or alias).' },
      kmsKeyIsAwsManaged: {
        type: 'boolean',
        description:
          'True when SSE-KMS uses the AWS-managed key aws/s3 (no key id, or alias/aws/s3); false when the key is a reference to a managed key/alias or a customer alias literal; unknown for a literal key ARN or a data source (the kmsKey link may still settle it). Absent when SSE-KMS is not used.',
      },
      bucketKeyEnabled: { type: 'boolean', description: 'S3 Bucket Key for SSE-KMS. Default false.' },
      versioningEnabled: { type: 'boolean', description: 'Versioning status is Enabled (Suspended or never enabled = false). Default false.' },
      mfaDelete: { type: 'boolean', description: 'MFA delete is enabled. Default false.' },
      blockPublicAcls: { type: 'boolean', description: 'Bucket-level Block Public Access BlockPublicAcls (aws_s3_bucket_public_access_block). Default false when no block is configured.' },
      ignorePublicAcls: { type: 'boolean', description: 'Bucket-level Block Public Access IgnorePublicAcls. Default false.' },
      blockPublicPolicy: { type: 'boolean', description: 'Bucket-level Block Public Access BlockPublicPolicy. Default false.' },
      restrictPublicBuckets: { type: 'boolean', description: 'Bucket-level Block Public Access RestrictPublicBuckets. Default false.' },
      acl: { type: 'string', description: 'Canned ACL (private, public-read, public-read-write, authenticated-read, log-delivery-write, ...). Default private.' },
      aclGrants: {
        type: 'object[]',
        description: 'Explicit ACL grants (inline `grant` blocks or aws_s3_bucket_acl access_control_policy; live: GetBucketAcl).',
        fields: { granteeType: 'CanonicalUser, Group or AmazonCustomerByEmail', uri: 'group URI (e.g. http://acs.amazonaws.com/groups/global/AllUsers)', id: 'canonical user id', permission: 'READ, WRITE, READ_ACP, WRITE_ACP, FULL_CONTROL' },
      },
      policy: { type: 'json', description: 'Bucket policy document (parsed JSON) from aws_s3_bucket_policy or the inline `policy`; absent when there is none.' },
      lifecycleRules: {
        type: 'object[]',
        description: 'Lifecycle rules, normalised from lifecycle_rule (v3) or aws_s3_bucket_lifecycle_configuration (v4+; live: GetBucketLifecycleConfiguration).',
        fields: {
          id: 'rule id',
          enabled: 'status Enabled',
          filtered: 'true when a prefix, tag or size filter narrows the rule to part of the bucket',
          expirationDays: 'days after creation current versions expire (absent when none)',
          expirationDate: 'fixed expiration date, if any',
          noncurrentExpirationDays: 'days after becoming noncurrent that versions are deleted (absent when none)',
          transitions: 'array of { days, storageClass }',
        },
      },
      loggingEnabled: { type: 'boolean', description: 'Server access logging is configured (a target bucket is set). Default false.' },
      loggingTargetBucket: { type: 'string', description: 'Target bucket name for server access logs, as written or known.' },
      objectLockEnabled: { type: 'boolean', description: 'S3 Object Lock is enabled on the bucket. Default false.' },
      objectLockDefaultRetention: { type: 'object', description: 'Default retention of Object Lock: { mode: GOVERNANCE|COMPLIANCE, days, years }.' },
      replication: {
        type: 'object',
        description: 'Replication configuration, or absent: { role, rules: [{ id, enabled, destinationBucket, destinationStorageClass }] }.',
      },
      ...tagAttrs,
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'KMS key of the default encryption, when in the model.' },
      policySource: {
        kinds: ['aws.iam.policy-document'],
        description: 'The data.aws_iam_policy_document the policy expression references; code checks read its statements when the policy JSON is known only after apply.',
      },
      loggingTarget: { kinds: ['aws.s3.bucket'], description: 'Bucket receiving this bucket’s server access logs; the target gets the inverse link `accessLogSources`.' },
      accessLogSources: { kinds: ['aws.s3.bucket'], description: 'Inverse: buckets whose server access logs are delivered here (this is a log bucket).' },
      trails: { kinds: ['aws.cloudtrail.trail'], description: 'Inverse: CloudTrail trails delivering log files to this bucket.' },
      dataEventTrails: { kinds: ['aws.cloudtrail.trail', 'aws.cloudtrail.event-data-store'], description: 'Inverse: trails and event data stores whose S3 data event selectors name this bucket.' },
    },
  },
]);
