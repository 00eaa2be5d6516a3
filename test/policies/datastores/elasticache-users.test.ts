import { describe, expect, it } from 'vitest';
import { expandCompactLive } from '../../../checks/authoring/live-fixture.js';
import { scanText } from '../../helpers/scan-file.js';

// aws-elasticache-auth with RBAC: a user group admits everyone when it lists an enabled user without a password,
// above all the built-in user "default"; its users are read from the input (Terraform) or from DescribeUserGroups
// and DescribeUsers (live), and what is not seen is unknown or an error, never a pass.

const POLICY = 'aws-elasticache-auth';
const statuses = async (name: string, text: string) =>
  Object.fromEntries((await scanText(name, text)).filter((f) => f.policyId === POLICY).map((f) => [f.resource.address ?? f.resource.arn, f.status]));

const user = (name: string, userName: string, access: string, mode: string) => `resource "aws_elasticache_user" "${name}" {
  user_id       = "${name}"
  user_name     = "${userName}"
  engine        = "redis"
  access_string = "${access}"
  authentication_mode {
    type = "${mode}"
  }
}
`;
const stack = (userIds: string, extra = '') => `${user('default_off', 'default', 'off -@all', 'no-password-required')}${user('app', 'app', 'on ~* +@all', 'iam')}${user('guest', 'guest', 'on ~* +@read', 'no-password-required')}${extra}
resource "aws_elasticache_user_group" "g" {
  user_group_id = "sis-cache"
  engine        = "redis"
  user_ids      = [${userIds}]
}
resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "sis-cache"
  description                = "cache"
  transit_encryption_enabled = true
  user_group_ids             = [aws_elasticache_user_group.g.user_group_id]
}
`;

describe('ElastiCache RBAC users in HCL', () => {
  it('passes a group whose default user is switched off and whose users sign in', async () => {
    expect(await statuses('main.tf', stack('aws_elasticache_user.default_off.user_id, aws_elasticache_user.app.user_id'))).toEqual({ 'aws_elasticache_replication_group.cache': 'pass' });
  });

  it('fails a group that lists the built-in default user, or an enabled user without a password', async () => {
    expect(await statuses('main.tf', stack('"default", aws_elasticache_user.app.user_id'))).toEqual({ 'aws_elasticache_replication_group.cache': 'fail' });
    expect(await statuses('main.tf', stack('aws_elasticache_user.default_off.user_id, aws_elasticache_user.guest.user_id'))).toEqual({ 'aws_elasticache_replication_group.cache': 'fail' });
  });

  it('fails a user an association adds to the group, and is unknown for a user the input does not hold', async () => {
    const association = 'resource "aws_elasticache_user_group_association" "guest" {\n  user_group_id = aws_elasticache_user_group.g.user_group_id\n  user_id       = aws_elasticache_user.guest.user_id\n}\n';
    expect(await statuses('main.tf', stack('aws_elasticache_user.default_off.user_id, aws_elasticache_user.app.user_id', association))).toEqual({ 'aws_elasticache_replication_group.cache': 'fail' });
    expect(await statuses('main.tf', stack('aws_elasticache_user.default_off.user_id, "ops-from-elsewhere"'))).toEqual({ 'aws_elasticache_replication_group.cache': 'unknown' });
  });
});

describe('ElastiCache RBAC users live', () => {
  const arn = 'arn:aws:elasticache:us-east-1:111122223333:replicationgroup:sis-cache';
  const group = (extra: Record<string, unknown>) =>
    JSON.stringify(
      expandCompactLive(
        { account: '111122223333', regions: ['us-east-1'], resources: { 'AWS::ElastiCache::ReplicationGroup': [{ arn, data: { ReplicationGroupId: 'sis-cache', ARN: arn, UserGroupIds: ['sis-cache'], ...extra } }] } } as never,
        'test',
      ),
    );
  const users = (...list: Array<[string, string, boolean]>) => [{ userGroupId: 'sis-cache', users: list.map(([userId, accessString, passwordless]) => ({ userId, userName: userId, accessString, passwordless })) }];

  it('fails the built-in default user and passes users who sign in', async () => {
    expect(await statuses('snapshot.json', group({ userGroupUsers: users(['default', 'on ~* +@all', true], ['app', 'on ~* +@all', false]) }))).toEqual({ [arn]: 'fail' });
    expect(await statuses('snapshot.json', group({ userGroupUsers: users(['sis-default-off', 'off -@all', true], ['app', 'on ~* +@all', false]) }))).toEqual({ [arn]: 'pass' });
  });

  it('is an error when the users could not be read, and unknown when they never were', async () => {
    const failed = { code: 'AccessDenied', message: 'not authorized to DescribeUsers', call: 'elasticache:DescribeUsers' };
    expect(await statuses('snapshot.json', group({}))).toEqual({ [arn]: 'unknown' });
    const snapshot = JSON.parse(group({}));
    snapshot.resources[0].errors = { userGroupUsers: failed };
    expect(await statuses('snapshot.json', JSON.stringify(snapshot))).toEqual({ [arn]: 'error' });
  });
});

describe('an RBAC user group known only after apply that is not in the input', () => {
  it('is unknown, not a pass: its users are unseen', async () => {
    const text = `resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "sis-cache"
  description                = "cache"
  transit_encryption_enabled = true
  user_group_ids             = [var.user_group_id]
}
variable "user_group_id" {
  type = string
}
`;
    expect(await statuses('main.tf', text)).toEqual({ 'aws_elasticache_replication_group.cache': 'unknown' });
  });
});
