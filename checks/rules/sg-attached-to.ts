import { defineCheck } from '../engine/code-check.js';
import type { Resource } from '../model/resource.js';
import { attachedResources } from './lib/network.js';

/**
 * True when a security group is used by a resource of one of `kinds` (or whose kind starts with one of
 * `kindPrefixes`), by the `securityGroups` link of that resource or the group's `attachedResources`.
 * Meant for `where`: a group not known to be used by such a resource is false (not applicable).
 */
export const codeCheck = defineCheck({
  name: 'sg-attached-to',
  description: 'The security group is used by a resource of the given kinds',
  kinds: ['aws.ec2.security-group'],
  messages: {},
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      kinds: { type: 'array', items: { type: 'string' } },
      kindPrefixes: { type: 'array', items: { type: 'string' } },
    },
  },
  optionRefs: { kinds: 'kinds' },
  evaluate(resource, ctx, options) {
    const kinds = (options.kinds as string[] | undefined) ?? [];
    const prefixes = (options.kindPrefixes as string[] | undefined) ?? [];
    const matches = (u: Resource) => kinds.includes(u.kind) || prefixes.some((p) => u.kind.startsWith(p));
    const attached = attachedResources(ctx.model, resource);
    const users = attached.users.filter(matches);
    const unread = users.length ? undefined : attached.unread.find(matches);
    if (unread) return { truth: 'error', evidence: [{ path: 'attachedResources', value: null, loc: unread.loc }], loc: unread.loc, error: `what uses this group: ${unread.readError}` };
    return {
      truth: users.length ? 'true' : 'false',
      evidence: [{ path: 'attachedResources', value: users.map((u) => u.address ?? u.arn ?? u.id) }],
    };
  },
});
