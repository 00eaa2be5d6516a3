import { defineKinds, type AttrSpec } from './spec.js';

const common = {
  engine: { type: 'string', description: 'redis, valkey or memcached. Terraform default for a replication group: redis.' },
  engineVersion: { type: 'string', description: 'Engine version as configured.' },
  atRestEncryptionEnabled: {
    type: 'boolean',
    description: 'Encryption at rest (AtRestEncryptionEnabled). API default false for Redis OSS, true for Valkey; not available on standalone cache clusters.',
  },
  transitEncryptionEnabled: { type: 'boolean', description: 'In-transit encryption (TLS). Default false.' },
  transitEncryptionMode: { type: 'string', description: 'preferred (TLS and plaintext accepted) or required. Absent with transit encryption on means required.' },
  authTokenSet: { type: 'boolean', description: 'A Redis AUTH token is configured (auth_token; write-only auth_token_wo counts, its value is never read).' },
  userGroupIds: { type: 'string[]', description: 'RBAC user groups associated (user_group_ids).' },
  kmsKeyId: { type: 'string', description: 'KMS key for at-rest encryption, when configured (unset = AWS-owned key).' },
  snapshotRetentionLimit: { type: 'number', description: 'Days automatic snapshots are kept (0 = disabled). Default 0.' },
  tags: { type: 'object', description: 'Resource tags (tags_all when known, else tags).' },
  dataClass: { type: 'string', description: 'Lowercased data-classification tag value (see conventions).' },
} satisfies Record<string, AttrSpec>;

export const elasticacheKinds = defineKinds([
  {
    kind: 'aws.elasticache.replication-group',
    title: 'ElastiCache (Redis OSS / Valkey) replication group',
    terraform: ['aws_elasticache_replication_group'],
    attrs: {
      replicationGroupId: { type: 'string', description: 'Replication group id.' },
      ...common,
      userGroupUsers: {
        type: 'json',
        description:
          'Live only: the users of each user group in userGroupIds, [{ userGroupId, users: [{ userId, userName, accessString, passwordless }] }] (DescribeUserGroups and DescribeUsers of the region; an error when either failed). Terraform reaches them through the userGroups link.',
      },
    },
    links: {
      userGroups: { kinds: ['aws.elasticache.user-group'], description: 'The RBAC user groups of user_group_ids, when they are in the input.' },
      kmsKey: { kinds: ['aws.kms.key'], description: 'At-rest encryption key (kms_key_id).' },
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'VPC security groups (security_group_ids).' },
      members: { kinds: ['aws.elasticache.cluster'], description: 'Cache clusters added to this group (inverse of aws_elasticache_cluster.replication_group_id).' },
    },
  },
  {
    kind: 'aws.elasticache.cluster',
    title: 'ElastiCache cache cluster (standalone Memcached or single-node Redis/Valkey, or a replication-group member)',
    terraform: ['aws_elasticache_cluster'],
    attrs: {
      clusterId: { type: 'string', description: 'Cache cluster id.' },
      replicationGroupId: { type: 'string', description: 'Replication group it belongs to, if any; settings then come from the group.' },
      standalone: { type: 'boolean', description: 'True when the cluster is not a member of a replication group.' },
      ...common,
    },
    links: {
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'VPC security groups (security_group_ids).' },
      replicationGroup: { kinds: ['aws.elasticache.replication-group'], description: 'The replication group of a member cluster.' },
    },
  },
  {
    kind: 'aws.elasticache.user-group',
    title: 'ElastiCache RBAC user group',
    terraform: ['aws_elasticache_user_group', 'aws_elasticache_user_group_association'],
    attrs: {
      userGroupId: { type: 'string', description: 'User group id (user_group_id).' },
      userIds: { type: 'string[]', description: 'Ids of its users (user_ids, and aws_elasticache_user_group_association user_id). `default` is the user ElastiCache creates in every account: no password, every command on every key.' },
    },
    links: {
      users: { kinds: ['aws.elasticache.user'], description: 'Its users that are in the input (by user_id).' },
    },
  },
  {
    kind: 'aws.elasticache.user',
    title: 'ElastiCache RBAC user',
    terraform: ['aws_elasticache_user'],
    attrs: {
      userId: { type: 'string', description: 'User id (user_id).' },
      userName: { type: 'string', description: 'User name clients sign in with (user_name); every group has one user named default, used by clients that do not sign in.' },
      accessString: { type: 'string', description: 'Redis ACL rule of the user (access_string): `on ...` enables it, `off ...` disables it.' },
      passwordless: {
        type: 'boolean',
        description: 'The user signs in without a password (no_password_required = true, or authentication_mode type no-password-required; live: Authentication.Type no-password).',
      },
    },
    links: {},
  },
]);
