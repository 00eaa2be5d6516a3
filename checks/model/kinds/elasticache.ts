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
    },
    links: {
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
]);
