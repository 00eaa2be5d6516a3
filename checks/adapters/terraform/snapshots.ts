import type { Resource } from '../../model/resource.js';
import { isUnknown, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { asBool, attr, computedAttr, derived, linkRef, locOf, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const unknownVal = (rec: TfRecord, path: string): Val => ({ value: undefined, origin: 'unknown', loc: locOf(rec, path) });

/** shared_accounts as a list; "all" makes the snapshot public. */
function sharing(rec: TfRecord): Record<string, Val> {
  const shared = computedAttr<unknown[]>(rec, 'shared_accounts', { default: [], map: (raw) => (Array.isArray(raw) ? raw : [raw]) });
  const list = shared.value;
  const unknownItem = Array.isArray(list) && list.some((x) => isUnknown(x));
  const hasAll = Array.isArray(list) && list.includes('all');
  const pub: Val<boolean> = unknownItem && !hasAll ? { value: undefined, origin: 'unknown', loc: shared.loc } : derived(hasAll, [shared], shared.loc);
  return { sharedAccounts: shared, public: pub };
}

/**
 * aws_db_snapshot / aws_db_cluster_snapshot (and the DocumentDB and Neptune cluster snapshots): encryption follows
 * the source database (the `source` link);
 * aws_db_snapshot_copy: encrypted when kms_key_id is set, otherwise as its source snapshot (unknown here).
 */
function rdsSnapshot(idPath: string, source?: { path: string; kind: string; untagged?: true }): TfAdapter {
  return (rec) => {
    const r = tfResource(rec, 'aws.rds.snapshot', [rec.values[idPath]]);
    const key = attr<string>(rec, 'kms_key_id');
    r.attrs = {
      identifier: attr<string>(rec, idPath),
      snapshotType: { value: 'manual', origin: 'default', loc: r.loc },
      encrypted: !source && key.origin !== 'unknown' && key.value ? { value: true, origin: 'explicit', loc: key.loc } : unknownVal(rec, 'encrypted'),
      ...sharing(rec),
      ...tagAttrs(rec),
    };
    if (source) r.linkRefs!.push(linkRef(rec, 'source', source.path, [source.kind]));
    // a resource type without tags takes its cluster's classification
    if (source?.untagged) r.classifiedBy = 'source';
    return r;
  };
}

/**
 * aws_ebs_snapshot: encrypted is computed from the volume (the `volume` link judges it);
 * aws_ebs_snapshot_copy: `encrypted` as written, default false (a copy of an encrypted snapshot is
 * encrypted whatever it says: the policy asks for the intent to be written).
 */
function ebsSnapshot(copy: boolean): TfAdapter {
  return (rec) => {
    const r = tfResource(rec, 'aws.ec2.snapshot');
    r.attrs = {
      encrypted: copy ? attr(rec, 'encrypted', { default: false, map: asBool }) : unknownVal(rec, 'encrypted'),
      kmsKeyId: computedAttr<string>(rec, 'kms_key_id'),
      public: { value: false, origin: 'default', loc: r.loc },
      sharedAccounts: { value: [], origin: 'default', loc: r.loc },
      ...tagAttrs(rec),
    };
    if (!copy) r.linkRefs!.push(linkRef(rec, 'volume', 'volume_id', ['aws.ec2.ebs-volume']));
    r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']));
    return r;
  };
}

/** Every ebs_block_device of an aws_ami has encrypted = true (false dominates an unknown). */
function amiEncrypted(rec: TfRecord): Val<boolean> {
  const loc = locOf(rec, 'ebs_block_device');
  const raw = rawAt(rec.values, 'ebs_block_device');
  if (isUnknown(raw)) return { value: undefined, origin: 'unknown', loc };
  const list = Array.isArray(raw) ? raw : [];
  let unknown = false;
  for (const d of list) {
    if (isUnknown(d) || !d || typeof d !== 'object') {
      unknown = true;
      continue;
    }
    const e = (d as Record<string, unknown>).encrypted;
    if (isUnknown(e)) unknown = true;
    else if (asBool(e) !== true) return { value: false, origin: 'explicit', loc };
  }
  return unknown ? { value: undefined, origin: 'unknown', loc } : { value: true, origin: list.length ? 'explicit' : 'default', loc };
}

type AmiVariant = 'ami' | 'copy' | 'from-instance';

function ami(variant: AmiVariant): TfAdapter {
  return (rec) => {
    const r = tfResource(rec, 'aws.ec2.image', [rec.values.name]);
    const encrypted: Val = variant === 'ami' ? amiEncrypted(rec) : variant === 'copy' ? attr(rec, 'encrypted', { default: false, map: asBool }) : unknownVal(rec, 'ebs_block_device');
    r.attrs = {
      name: attr<string>(rec, 'name'),
      public: { value: false, origin: 'default', loc: r.loc },
      encrypted,
      ...tagAttrs(rec),
    };
    return r;
  };
}

/** aws_ami_launch_permission: a facet of its image; only `group = "all"` makes the image public. */
const launchPermission: TfAdapter = (rec) => {
  const r: Resource = tfResource(rec, 'aws.ec2.image');
  r.mergeInto = 'image';
  r.linkRefs!.push(linkRef(rec, 'image', 'image_id', ['aws.ec2.image']));
  const group = rawAt(rec.values, 'group');
  if (isUnknown(group)) r.attrs = { public: unknownVal(rec, 'group') };
  else if (group === 'all') r.attrs = { public: { value: true, origin: 'explicit', loc: locOf(rec, 'group') } };
  else r.attrs = {};
  return r;
};

/** aws_snapshot_create_volume_permission: a facet of its EBS snapshot that adds the account it is shared with. */
const createVolumePermission: TfAdapter = (rec) => {
  const r: Resource = tfResource(rec, 'aws.ec2.snapshot');
  r.identifiers = [];
  r.mergeInto = 'snapshot';
  r.appendAttrs = ['sharedAccounts'];
  r.linkRefs = [linkRef(rec, 'snapshot', 'snapshot_id', ['aws.ec2.snapshot'])];
  const account = rawAt(rec.values, 'account_id');
  const loc = locOf(rec, 'account_id');
  r.attrs = { sharedAccounts: isUnknown(account) ? { value: undefined, origin: 'unknown', loc } : { value: typeof account === 'string' ? [account] : [], origin: 'explicit', loc } };
  return r;
};

export const snapshotAdapters: Record<string, TfAdapter> = {
  aws_db_snapshot: rdsSnapshot('db_snapshot_identifier', { path: 'db_instance_identifier', kind: 'aws.rds.instance' }),
  aws_db_cluster_snapshot: rdsSnapshot('db_cluster_snapshot_identifier', { path: 'db_cluster_identifier', kind: 'aws.rds.cluster' }),
  aws_db_snapshot_copy: rdsSnapshot('target_db_snapshot_identifier'),
  // DescribeDBClusterSnapshots lists DocumentDB and Neptune snapshots with the RDS ones, so live already judged
  // them as RDS snapshots; from Terraform they were neither modelled nor data stores (unseen)
  aws_docdb_cluster_snapshot: rdsSnapshot('db_cluster_snapshot_identifier', { path: 'db_cluster_identifier', kind: 'aws.docdb.cluster', untagged: true }),
  aws_neptune_cluster_snapshot: rdsSnapshot('db_cluster_snapshot_identifier', { path: 'db_cluster_identifier', kind: 'aws.neptune.cluster', untagged: true }),
  aws_ebs_snapshot: ebsSnapshot(false),
  aws_ebs_snapshot_copy: ebsSnapshot(true),
  // variants slice: an imported disk image says `encrypted` as a copy does (Optional, default false)
  aws_ebs_snapshot_import: ebsSnapshot(true),
  aws_ami: ami('ami'),
  aws_ami_copy: ami('copy'),
  aws_ami_from_instance: ami('from-instance'),
  aws_ami_launch_permission: launchPermission,
  aws_snapshot_create_volume_permission: createVolumePermission,
};
