import { defineKinds } from './spec.js';

const TAGS = {
  tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
  dataClass: {
    type: 'string',
    description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
  },
} as const;

/** Copies of data stores: RDS snapshots, EBS snapshots and machine images. */
export const snapshotKinds = defineKinds([
  {
    kind: 'aws.rds.snapshot',
    title: 'RDS DB or cluster snapshot (DocumentDB and Neptune cluster snapshots too: the RDS API lists them)',
    terraform: ['aws_db_snapshot', 'aws_db_cluster_snapshot', 'aws_db_snapshot_copy', 'aws_docdb_cluster_snapshot', 'aws_neptune_cluster_snapshot'],
    attrs: {
      identifier: { type: 'string', description: 'Snapshot identifier (db_snapshot_identifier / db_cluster_snapshot_identifier / target_db_snapshot_identifier; live: DBSnapshotIdentifier or DBClusterSnapshotIdentifier).' },
      snapshotType: { type: 'string', description: 'manual | automated | shared | public (live: SnapshotType). Terraform makes manual snapshots.' },
      encrypted: { type: 'boolean', description: 'The snapshot is encrypted (live: Encrypted). Terraform: computed from the source database (not configurable), except a copy, which is encrypted when kms_key_id is set or its source is.' },
      sharedAccounts: { type: 'string[]', description: 'Accounts that may restore the snapshot; "all" makes it public (shared_accounts; live: the `restore` attribute of DescribeDBSnapshotAttributes). Default none.' },
      public: { type: 'boolean', description: 'Anyone may restore the snapshot: sharedAccounts contains "all". Derived; default false.' },
      ...TAGS,
    },
    links: {
      source: {
        kinds: ['aws.rds.instance', 'aws.rds.cluster', 'aws.docdb.cluster', 'aws.neptune.cluster'],
        description: 'The database snapshotted (db_instance_identifier / db_cluster_identifier), when it is in the input: its storage encryption is the snapshot\'s. Live records carry Encrypted themselves and have no such link.',
      },
    },
  },
  {
    kind: 'aws.ec2.snapshot',
    title: 'EBS snapshot',
    terraform: ['aws_ebs_snapshot', 'aws_ebs_snapshot_copy', 'aws_ebs_snapshot_import', 'aws_snapshot_create_volume_permission'],
    attrs: {
      encrypted: {
        type: 'boolean',
        description: 'The snapshot is encrypted (live: Encrypted). Terraform: computed from the volume for aws_ebs_snapshot (see the `volume` link); `encrypted` of aws_ebs_snapshot_copy and aws_ebs_snapshot_import, default false.',
      },
      kmsKeyId: { type: 'string', description: 'KMS key of the snapshot (kms_key_id of a copy or an import; live: KmsKeyId).' },
      public: {
        type: 'boolean',
        description: 'Anyone may create a volume from it: createVolumePermission holds the group "all" (live: DescribeSnapshotAttribute). Terraform cannot share a snapshot publicly (aws_snapshot_create_volume_permission names accounts), so only the live source judges it.',
      },
      sharedAccounts: {
        type: 'string[]',
        description: 'Accounts that may create a volume from it (aws_snapshot_create_volume_permission account_id, appended; live: the UserId entries of DescribeSnapshotAttribute createVolumePermission). Default none.',
      },
      ...TAGS,
    },
    links: {
      volume: { kinds: ['aws.ec2.ebs-volume'], description: 'The volume snapshotted (volume_id), when it is in the model.' },
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key (kms_key_id), when it is in the model.' },
    },
  },
  {
    kind: 'aws.ec2.image',
    title: 'Amazon Machine Image (AMI)',
    terraform: ['aws_ami', 'aws_ami_copy', 'aws_ami_from_instance', 'aws_ami_launch_permission'],
    attrs: {
      name: { type: 'string', description: 'Image name (name; live: Name).' },
      public: {
        type: 'boolean',
        description: 'Anyone may launch the image (an aws_ami_launch_permission with group = "all" merged in; live: Public). Default false.',
      },
      encrypted: {
        type: 'boolean',
        description:
          'Every EBS snapshot of the image is encrypted. aws_ami: every ebs_block_device has encrypted = true (default false); aws_ami_copy: `encrypted` (default false); aws_ami_from_instance: computed from the instance. Live: every BlockDeviceMappings[].Ebs.Encrypted.',
      },
      ...TAGS,
    },
    links: {},
  },
]);
