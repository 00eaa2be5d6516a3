import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../../checks/model/value.js';
import { model, rec, verdicts } from '../../helpers/policy-tester.js';
import { scanText } from '../../helpers/scan-file.js';

// aws_iam_{role,user,group}_policy_attachments_exclusive (AWS provider 5.7x+) attach managed policies too: before, the
// type was not modelled, and AdministratorAccess attached this way passed aws-iam-no-broad-aws-managed-policy-attached.
const POLICY = 'aws-iam-no-broad-aws-managed-policy-attached';

describe('exclusive policy attachments', () => {
  it('judge each attached ARN like any other attachment, in HCL', async () => {
    const found = (await scanText('main.tf', `resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }] })
}
resource "aws_iam_role_policy_attachments_exclusive" "app" {
  role_name   = aws_iam_role.app.name
  policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::111122223333:policy/app-read"]
}
resource "aws_iam_user_policy_attachments_exclusive" "ops" {
  user_name   = "ops"
  policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
}
`)).filter((f) => f.policyId === POLICY);
    expect(Object.fromEntries(found.map((f) => [f.resource.address, f.status]))).toEqual({
      'aws_iam_role_policy_attachments_exclusive.app.policy_arns["arn:aws:iam::aws:policy/AdministratorAccess"]': 'fail',
      'aws_iam_role_policy_attachments_exclusive.app.policy_arns["arn:aws:iam::111122223333:policy/app-read"]': 'pass',
      'aws_iam_user_policy_attachments_exclusive.ops.policy_arns["arn:aws:iam::aws:policy/ReadOnlyAccess"]': 'pass',
    });
  });

  it('a list known only after apply is one unknown attachment, never none; a role that does not set managed_policy_arns has none', () => {
    const X = 'aws_iam_group_policy_attachments_exclusive.g';
    const v = verdicts(POLICY, model([rec(X, { group_name: 'admins', policy_arns: UNKNOWN })]));
    expect(v).toEqual({ [`${X}.policy_arns[0]`]: 'unknown' });
    const role = rec('aws_iam_role.r', { name: 'r', assume_role_policy: '{}', managed_policy_arns: UNKNOWN }, { configured: ['name', 'assume_role_policy'] });
    expect(verdicts(POLICY, model([role]))).toEqual({});
  });
});
