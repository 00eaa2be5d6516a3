import { defineKinds } from './spec.js';

/**
 * The AWS account (per region where settings are regional). For HCL and plan there is one synthetic
 * account resource per scan (address `account`), which account-level Terraform resources merge into;
 * values no configuration sets stay unknown there, so "must exist" checks say "needs live verification".
 */
export const accountKinds = defineKinds([
  {
    kind: 'aws.account',
    title: 'AWS account settings',
    terraform: ['aws_ebs_encryption_by_default', 'aws_ebs_default_kms_key', 'aws_s3_account_public_access_block'],
    attrs: {
      accountId: { type: 'string', description: 'Account id, when known' },
      settingsScope: {
        type: 'string',
        description:
          "Live: 'account' on the one resource per account holding the account-wide settings (S3 Block Public Access, root user, trails, regions in use), 'region' on the one per audited region holding regional settings (EBS defaults). Absent for Terraform, whose synthetic account holds whatever the configuration declares.",
      },
      ebsEncryptionByDefault: { type: 'boolean', description: 'EBS encryption by default is enabled in the region' },
      ebsDefaultKmsKeyId: { type: 'string', description: 'Default KMS key for EBS encryption' },
      s3BlockPublicAcls: { type: 'boolean', description: 'Account-level S3 Block Public Access: BlockPublicAcls' },
      s3IgnorePublicAcls: { type: 'boolean', description: 'Account-level S3 Block Public Access: IgnorePublicAcls' },
      s3BlockPublicPolicy: { type: 'boolean', description: 'Account-level S3 Block Public Access: BlockPublicPolicy' },
      s3RestrictPublicBuckets: { type: 'boolean', description: 'Account-level S3 Block Public Access: RestrictPublicBuckets' },
      rootMfaEnabled: { type: 'boolean', description: 'The root user has MFA (live only)' },
      rootAccessKeysPresent: { type: 'boolean', description: 'The root user has access keys (live only)' },
      /** Whether the whole account was read (live) or only what a configuration declares (hcl, plan). */
      complete: { type: 'boolean', description: 'True when every resource of the account was read (live); false for a configuration, which may cover only part of the account' },
      regions: {
        type: 'string[]',
        description: 'Regions holding resources of the scan: Terraform: the AWS provider regions of managed regional resources (global services such as IAM excluded); live: the regions scanned that hold resources.',
      },
      providerRegions: {
        type: 'object[]',
        description: 'One entry per region in use, with where it is used. Terraform: region unknown (a provider region from an unset variable or the environment) stays an unknown marker.',
        fields: { region: 'region name, or unknown', resources: 'number of resources in that region', example: 'address (or ARN) of one of them' },
      },
    },
    links: {
      trails: { kinds: ['aws.cloudtrail.trail'], description: 'Every CloudTrail trail in the scan' },
      ebsDefaultKmsKey: { kinds: ['aws.kms.key'], description: 'KMS key EBS uses for encryption by default (aws_ebs_default_kms_key)' },
    },
  },
]);
