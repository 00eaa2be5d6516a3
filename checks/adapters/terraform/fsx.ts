import { attr, awsManagedKeyAttr, computedAttr, linkRef, locOf, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/**
 * The four FSx file system types as one kind: each encrypts at rest, with the AWS managed key aws/fsx unless
 * kms_key_id names another (Optional+Computed in all four).
 */
function fileSystem(fileSystemType: string): TfAdapter {
  return (rec) => {
    const r = tfResource(rec, 'aws.fsx.file-system');
    const windows = fileSystemType === 'WINDOWS';
    r.attrs = {
      fileSystemType: { value: fileSystemType, origin: 'explicit', loc: locOf(rec, '') },
      deploymentType: computedAttr<string>(rec, 'deployment_type'),
      kmsKeyId: computedAttr<string>(rec, 'kms_key_id'),
      kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'kms_key_id'),
      auditLogFileAccessLevel: windows
        ? computedAttr<string>(rec, 'audit_log_configuration.0.file_access_audit_log_level', { default: 'DISABLED', configuredAt: 'audit_log_configuration' })
        : attr<string>(rec, 'audit_log_configuration.0.file_access_audit_log_level'),
      ...tagAttrs(rec),
    };
    r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']));
    r.linkRefs!.push(linkRef(rec, 'securityGroups', 'security_group_ids', ['aws.ec2.security-group'], { inverse: 'attachedResources' }));
    return r;
  };
}

export const fsxAdapters: Record<string, TfAdapter> = {
  aws_fsx_lustre_file_system: fileSystem('LUSTRE'),
  aws_fsx_windows_file_system: fileSystem('WINDOWS'),
  aws_fsx_ontap_file_system: fileSystem('ONTAP'),
  aws_fsx_openzfs_file_system: fileSystem('OPENZFS'),
};
