import { defineKinds } from './spec.js';

export const ecrKinds = defineKinds([
  {
    kind: 'aws.ecr.repository',
    title: 'ECR repository',
    terraform: ['aws_ecr_repository', 'aws_ecr_repository_policy'],
    attrs: {
      name: { type: 'string', description: 'Repository name (name; live: repositoryName).' },
      scanOnPush: {
        type: 'boolean',
        description: 'Images are scanned for vulnerabilities when pushed (image_scanning_configuration.scan_on_push; live: imageScanningConfiguration.scanOnPush). Default false. A registry-level scanning configuration is not read.',
      },
      imageTagMutability: { type: 'string', description: 'MUTABLE | IMMUTABLE (and the *_WITH_EXCLUSION variants) (image_tag_mutability; live: imageTagMutability). Default MUTABLE.' },
      encryptionType: { type: 'string', description: 'AES256 | KMS | KMS_DSSE (encryption_configuration.encryption_type; live: encryptionConfiguration.encryptionType). Default AES256 (S3-managed keys).' },
      kmsKey: { type: 'string', description: 'KMS key of a KMS-encrypted repository (encryption_configuration.kms_key; live: encryptionConfiguration.kmsKey); unset with KMS means the AWS-managed aws/ecr key.' },
      kmsKeyIsAwsManaged: {
        type: 'boolean',
        description: 'The images are not under a customer-managed key: AES256 (the default), or KMS with kms_key unset or an aws/ alias; false for a customer-managed key; unknown otherwise.',
      },
      policy: { type: 'object', description: 'Repository policy (aws_ecr_repository_policy merged in; live: GetRepositoryPolicy policyText). Absent when the repository has none (only its own account\'s IAM principals reach it).' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of encryption_configuration.kms_key, when it is in the model.' },
      policySource: { kinds: ['aws.iam.policy-document'], description: 'The data.aws_iam_policy_document the repository policy expression references' },
    },
  },
]);
