import { defineKinds } from './spec.js';

export const elasticacheServerlessKinds = defineKinds([
  {
    kind: 'aws.elasticache.serverless-cache',
    title: 'ElastiCache serverless cache (Valkey, Redis OSS or Memcached)',
    terraform: ['aws_elasticache_serverless_cache'],
    attrs: {
      name: { type: 'string', description: 'Cache name (name; live: ServerlessCacheName).' },
      engine: { type: 'string', description: 'valkey, redis or memcached (engine; live: Engine).' },
      userGroupIds: {
        type: 'string[]',
        description: 'The RBAC user group of the cache, as a list of none or one (user_group_id; live: UserGroupId). RBAC is the only access control of a Valkey or Redis OSS serverless cache: none means every client that reaches it is let in.',
      },
      userGroupUsers: {
        type: 'json',
        description:
          'Live only: the users of the user group, [{ userGroupId, users: [{ userId, userName, accessString, passwordless }] }] (DescribeUserGroups and DescribeUsers of the region; an error when either failed). Terraform reaches them through the userGroups link.',
      },
      kmsKeyId: { type: 'string', description: 'KMS key of the at-rest encryption (kms_key_id; live: KmsKeyId). Unset: a key AWS owns (a serverless cache is always encrypted at rest).' },
      kmsKeyIsAwsManaged: { type: 'boolean', description: 'The cache encrypts with a key AWS owns or manages (kms_key_id unset or an aws/ alias); false for a customer-managed key; unknown otherwise.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of kms_key_id, when it is in the model.' },
      userGroups: { kinds: ['aws.elasticache.user-group'], description: 'The RBAC user group of user_group_id, when it is in the input.' },
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'VPC security groups (security_group_ids); each group gets the inverse link `attachedResources`.' },
    },
  },
]);
