import type { Outcome } from '../engine/evaluate.js';
import { registerCodeCheck } from './registry.js';
import { attachedResources } from './lib/network.js';

/**
 * True when a security group is used by a resource of one of `kinds` (or whose kind starts with one of
 * `kindPrefixes`), by the `securityGroups` link of that resource or the group's `attachedResources`.
 * Meant for `where`: a group not known to be used by such a resource is false (not applicable).
 */
registerCodeCheck({
  name: 'sg-attached-to',
  description: 'The security group is used by a resource of the given kinds',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      kinds: { type: 'array', items: { type: 'string' } },
      kindPrefixes: { type: 'array', items: { type: 'string' } },
    },
  },
  evaluate(resource, ctx, options): Outcome {
    const kinds = (options.kinds as string[] | undefined) ?? [];
    const prefixes = (options.kindPrefixes as string[] | undefined) ?? [];
    const matching = attachedResources(ctx.model, resource).filter((u) => kinds.includes(u.kind) || prefixes.some((p) => u.kind.startsWith(p)));
    // Live: a stand-in for resources whose listing failed (readError) is linked to every group of its region.
    const users = matching.filter((u) => !u.readError);
    const unread = users.length ? undefined : matching.find((u) => u.readError);
    if (unread) return { truth: 'error', evidence: [{ path: 'attachedResources', value: null, loc: unread.loc }], loc: unread.loc, error: `what uses this group: ${unread.readError}` };
    return {
      truth: users.length ? 'true' : 'false',
      evidence: [{ path: 'attachedResources', value: users.map((u) => u.address ?? u.arn ?? u.id) }],
    };
  },
});
