import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

const CONFIGURATION: Record<string, string> = { LUSTRE: 'LustreConfiguration', WINDOWS: 'WindowsConfiguration', ONTAP: 'OntapConfiguration', OPENZFS: 'OpenZFSConfiguration' };

/** A file system as DescribeFileSystems describes it; the collector turns its tag list into `tags`. */
const fileSystem: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.fsx.file-system', ctx, [dataAt(rec, 'FileSystemId')]);
  const type = dataAt(rec, 'FileSystemType') as string | undefined;
  const config = CONFIGURATION[type ?? ''] ?? 'LustreConfiguration';
  const key = dataAt(rec, 'KmsKeyId') as string | undefined;
  r.attrs = {
    fileSystemType: liveAttr(rec, ctx, 'FileSystemType'),
    deploymentType: liveAttr(rec, ctx, `${config}.DeploymentType`),
    kmsKeyId: liveAttr(rec, ctx, 'KmsKeyId'),
    // No KmsKeyId: a Lustre scratch file system, encrypted with a key AWS owns.
    kmsKeyIsAwsManaged: keyFlag(ctx, key, liveDerived(rec, ctx, 'KmsKeyId', key ? keyIsAwsManaged(ctx, key) : true, [], key ? 'explicit' : 'default')),
    auditLogFileAccessLevel: type === 'WINDOWS' ? liveAttr(rec, ctx, 'WindowsConfiguration.AuditLogConfiguration.FileAccessAuditLogLevel', { default: 'DISABLED' }) : liveAttr(rec, ctx, 'WindowsConfiguration.AuditLogConfiguration.FileAccessAuditLogLevel'),
    ...tagVals(rec, ctx, 'tags'),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'KmsKeyId' }));
  return r;
};

export const fsxLiveAdapters: Record<string, LiveAdapter> = { 'AWS::FSx::FileSystem': fileSystem };
