import type { Outcome } from '../engine/evaluate.js';
import { registerCodeCheck } from './registry.js';

const EXISTING = new Set(['no-op', 'update', 'read']);

/**
 * A VPC's default security group is managed in the configuration (aws_default_security_group linked
 * by vpc_id). AWS creates every VPC with a default group that admits all traffic from its members and
 * allows all egress; only managing it (with no rules) closes it. When a plan shows the VPC already
 * exists, the group may have been closed outside this configuration: unknown.
 */
registerCodeCheck({
  name: 'vpc-default-sg-managed',
  description: 'The VPC default security group is managed by the configuration',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate(resource, ctx): Outcome {
    const groups = ctx.model.linked(resource, 'defaultSecurityGroup');
    if (groups.length) {
      return { truth: 'true', evidence: [{ path: 'defaultSecurityGroup', value: groups.map((g) => g.address ?? g.id) }] };
    }
    const evidence = [{ path: 'defaultSecurityGroup', value: null, loc: resource.loc }];
    if (resource.actions?.length && resource.actions.every((a) => EXISTING.has(a))) {
      return { truth: 'unknown', evidence, loc: resource.loc, detail: 'the VPC already exists and its default security group is not managed here' };
    }
    return {
      truth: 'false',
      evidence,
      loc: resource.loc,
      detail: 'no aws_default_security_group for this VPC: AWS creates its default group with allow-all rules',
    };
  },
});
