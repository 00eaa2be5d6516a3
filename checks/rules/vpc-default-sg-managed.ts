import { defineCheck } from '../engine/code-check.js';
import { linkedOf } from '../model/typed.js';

const EXISTING = new Set(['no-op', 'update', 'read']);

/**
 * A VPC's default security group is managed in the configuration (aws_default_security_group linked
 * by vpc_id). AWS creates every VPC with a default group that admits all traffic from its members and
 * allows all egress; only managing it (with no rules) closes it. When a plan shows the VPC already
 * exists, the group may have been closed outside this configuration: unknown.
 */
export const codeCheck = defineCheck({
  name: 'vpc-default-sg-managed',
  description: 'The VPC default security group is managed by the configuration',
  kinds: ['aws.ec2.vpc'],
  messages: {
    existingVpc: 'the VPC already exists and its default security group is not managed here',
    notManaged: 'no aws_default_security_group for this VPC: AWS creates its default group with allow-all rules',
  },
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate(resource, ctx) {
    const groups = linkedOf(ctx.model, resource, 'defaultSecurityGroup');
    if (groups.length) {
      return { truth: 'true', evidence: [{ path: 'defaultSecurityGroup', value: groups.map((g) => g.address ?? g.id) }] };
    }
    const evidence = [{ path: 'defaultSecurityGroup', value: null, loc: resource.loc }];
    if (resource.actions?.length && resource.actions.every((a) => EXISTING.has(a))) {
      return { truth: 'unknown', evidence, loc: resource.loc, message: { id: 'existingVpc' } };
    }
    return { truth: 'false', evidence, loc: resource.loc, message: { id: 'notManaged' } };
  },
});
