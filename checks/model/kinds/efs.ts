import { defineKinds } from './spec.js';

export const efsKinds = defineKinds([
  {
    kind: 'aws.efs.file-system',
    title: 'EFS file system',
    terraform: ['aws_efs_file_system', 'aws_efs_file_system_policy', 'aws_efs_backup_policy'],
    attrs: {
      fileSystemId: { type: 'string', description: 'File system id (id; live: FileSystemId), known only after apply.' },
      encrypted: { type: 'boolean', description: 'Data at rest is encrypted (encrypted; live: Encrypted). Default false.' },
      kmsKeyId: { type: 'string', description: 'KMS key of the encryption at rest (kms_key_id; live: KmsKeyId). Absent while encrypted: the AWS managed key aws/elasticfilesystem.' },
      policy: {
        type: 'json',
        description:
          'File system policy (aws_efs_file_system_policy.policy, merged in; live: DescribeFileSystemPolicy Policy). Absent: no policy, and EFS then grants full access to every NFS client that can reach a mount target.',
      },
      backupPolicyEnabled: {
        type: 'boolean',
        description: 'Automatic daily AWS Backup of the file system (aws_efs_backup_policy backup_policy.status = ENABLED, merged in; live: DescribeBackupPolicy Status ENABLED). Default false.',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of kms_key_id, when it is in the model.' },
      fileSystem: { kinds: ['aws.efs.file-system'], description: 'Policies: the file system they belong to (merged into it).' },
      policySource: { kinds: ['aws.iam.policy-document'], description: 'The data.aws_iam_policy_document the file system policy is written with.' },
    },
  },
]);
