import { DATA_CLASS, tagsAttr } from './common-attrs.js';
import { defineKinds } from './spec.js';

const TAGS = tagsAttr();

export const fsxKinds = defineKinds([
  {
    kind: 'aws.fsx.file-system',
    title: 'FSx file system (Lustre, Windows File Server, NetApp ONTAP or OpenZFS)',
    terraform: ['aws_fsx_lustre_file_system', 'aws_fsx_windows_file_system', 'aws_fsx_ontap_file_system', 'aws_fsx_openzfs_file_system'],
    attrs: {
      fileSystemType: { type: 'string', description: 'LUSTRE, WINDOWS, ONTAP or OPENZFS (the Terraform type; live: FileSystemType).' },
      deploymentType: { type: 'string', description: 'Deployment type (deployment_type; live: <Type>Configuration.DeploymentType); Lustre scratch types cannot use a customer-managed key.' },
      kmsKeyId: { type: 'string', description: 'KMS key of the encryption at rest (kms_key_id; live: KmsKeyId); computed in a plan when not configured. Unset: the AWS managed key aws/fsx (a key AWS owns for Lustre scratch file systems).' },
      kmsKeyIsAwsManaged: { type: 'boolean', description: 'The file system encrypts with a key AWS owns or manages (kms_key_id unset or an aws/ alias); false for a customer-managed key; unknown otherwise.' },
      auditLogFileAccessLevel: { type: 'string', description: 'Windows only: audit of file and folder access (audit_log_configuration.file_access_audit_log_level; live: WindowsConfiguration.AuditLogConfiguration.FileAccessAuditLogLevel). Default DISABLED.' },
      tags: TAGS,
      dataClass: DATA_CLASS,
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of kms_key_id, when it is in the model.' },
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'VPC security groups (security_group_ids); each group gets the inverse link `attachedResources`.' },
    },
  },
]);
