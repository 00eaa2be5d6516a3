import { dataAt, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/**
 * A file system as DescribeFileSystems describes it (tags as an object), with its file system policy
 * (facet `policy`: the JSON text, or null when there is none) and backup policy (`backupPolicy`).
 */
const fileSystem: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.efs.file-system', ctx, [dataAt(rec, 'FileSystemId')]);
  const key = dataAt(rec, 'KmsKeyId') as string | undefined;
  const status = dataAt(rec, 'backupPolicy.Status') as string | undefined;
  r.attrs = {
    fileSystemId: liveAttr(rec, ctx, 'FileSystemId'),
    encrypted: liveAttr(rec, ctx, 'Encrypted', { default: false }),
    kmsKeyId: liveAttr(rec, ctx, 'KmsKeyId'),
    policy: liveAttr(rec, ctx, 'policy'),
    backupPolicyEnabled: liveDerived(rec, ctx, 'backupPolicy', status === 'ENABLED' || status === 'ENABLING', ['backupPolicy'], status ? 'explicit' : 'default'),
    ...tagVals(rec, ctx),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'KmsKeyId' }));
  return r;
};

export const efsLiveAdapters: Record<string, LiveAdapter> = { 'AWS::EFS::FileSystem': fileSystem };
