import type { SnapshotResource } from '../../sources/live/snapshot.js';
import { dataAt, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter, type LiveCtx } from './helpers/index.js';
import type { Resource } from '../../model/resource.js';

/** An RDS DB or cluster snapshot with its `attributes` facet (DescribeDB[Cluster]SnapshotAttributes: name -> values). */
function rdsSnapshot(idField: string, encryptedField: string): LiveAdapter {
  return (rec, ctx) => {
    const r = liveResource(rec, 'aws.rds.snapshot', ctx, [dataAt(rec, idField)]);
    const restore = dataAt(rec, 'attributes.restore') as unknown[] | undefined;
    r.attrs = {
      identifier: liveAttr(rec, ctx, idField),
      snapshotType: liveAttr(rec, ctx, 'SnapshotType', { default: 'manual' }),
      encrypted: liveAttr(rec, ctx, encryptedField, { default: false }),
      sharedAccounts: liveAttr(rec, ctx, 'attributes.restore', { default: [] }),
      public: liveDerived(rec, ctx, 'attributes.restore', Array.isArray(restore) && restore.includes('all'), ['attributes']),
      ...tagVals(rec, ctx),
    };
    return r;
  };
}

const ebsSnapshot: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.ec2.snapshot', ctx, [dataAt(rec, 'SnapshotId')]);
  const perms = (dataAt(rec, 'createVolumePermission') as Array<{ Group?: string; UserId?: string }> | undefined) ?? [];
  const key = dataAt(rec, 'KmsKeyId') as string | undefined;
  r.attrs = {
    encrypted: liveAttr(rec, ctx, 'Encrypted', { default: false }),
    kmsKeyId: liveAttr(rec, ctx, 'KmsKeyId'),
    public: liveDerived(rec, ctx, 'createVolumePermission', perms.some((p) => p.Group === 'all'), ['createVolumePermission']),
    sharedAccounts: liveDerived(rec, ctx, 'createVolumePermission', perms.flatMap((p) => (typeof p.UserId === 'string' ? [p.UserId] : [])), ['createVolumePermission']),
    ...tagVals(rec, ctx),
  };
  // No `volume` link: Encrypted is the snapshot's own answer, and the volume may be long gone.
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'KmsKeyId' }));
  return r;
};

/** Every EBS mapping of the image is encrypted (an image without EBS mappings keeps no snapshot). */
function imageEncrypted(rec: SnapshotResource, ctx: LiveCtx): Resource['attrs'][string] {
  const maps = (dataAt(rec, 'BlockDeviceMappings') as Array<{ Ebs?: { Encrypted?: boolean } }> | undefined) ?? [];
  const ebs = maps.filter((m) => m.Ebs);
  return liveDerived(rec, ctx, 'BlockDeviceMappings', ebs.every((m) => m.Ebs!.Encrypted === true), [], ebs.length ? 'explicit' : 'default');
}

const image: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.ec2.image', ctx, [dataAt(rec, 'ImageId')]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'Name'),
    public: liveAttr(rec, ctx, 'Public', { default: false }),
    encrypted: imageEncrypted(rec, ctx),
    ...tagVals(rec, ctx),
  };
  return r;
};

export const snapshotLiveAdapters: Record<string, LiveAdapter> = {
  'AWS::RDS::DBSnapshot': rdsSnapshot('DBSnapshotIdentifier', 'Encrypted'),
  'AWS::RDS::DBClusterSnapshot': rdsSnapshot('DBClusterSnapshotIdentifier', 'StorageEncrypted'),
  'AWS::EC2::Snapshot': ebsSnapshot,
  'AWS::EC2::Image': image,
};
