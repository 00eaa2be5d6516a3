import { asBool, attr, derived, jsonAttr, linkRef, policyDocumentRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const fileSystem: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.efs.file-system', [rec.values.creation_token]);
  r.attrs = {
    fileSystemId: attr<string>(rec, 'id'),
    encrypted: attr<boolean>(rec, 'encrypted', { default: false, map: asBool }),
    kmsKeyId: attr<string>(rec, 'kms_key_id'),
    // The policy and the backup policy are their own resources: absent unless one merges in.
    policy: { value: undefined, origin: 'default', loc: r.loc },
    backupPolicyEnabled: { value: false, origin: 'default', loc: r.loc },
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']));
  return r;
};

/** aws_efs_file_system_policy: the file system's policy, merged into it. */
const fileSystemPolicy: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.efs.file-system');
  r.identifiers = [];
  r.attrs = { policy: jsonAttr(rec, 'policy') };
  r.linkRefs!.push(linkRef(rec, 'fileSystem', 'file_system_id', ['aws.efs.file-system']), policyDocumentRef(rec, 'policySource', 'policy'));
  r.mergeInto = 'fileSystem';
  return r;
};

/** aws_efs_backup_policy: automatic backups on or off, merged into the file system. */
const backupPolicy: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.efs.file-system');
  r.identifiers = [];
  const status = attr<string>(rec, 'backup_policy.status');
  r.attrs = { backupPolicyEnabled: derived(status.value === 'ENABLED', [status], status.loc) };
  r.linkRefs!.push(linkRef(rec, 'fileSystem', 'file_system_id', ['aws.efs.file-system']));
  r.mergeInto = 'fileSystem';
  return r;
};

/** Terraform resource type -> adapter. */
export const efsAdapters: Record<string, TfAdapter> = {
  aws_efs_file_system: fileSystem,
  aws_efs_file_system_policy: fileSystemPolicy,
  aws_efs_backup_policy: backupPolicy,
};
