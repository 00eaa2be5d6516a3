import { defineCheck, type Observed } from '../engine/code-check.js';
import { attachedResources, portsBeyond, prefixListResolver, ruleIsWorld, rulesOf } from './lib/network.js';

/**
 * World-open ingress is acceptable only for web ports (`allowPorts`, default 80 and 443) on a group
 * used by a load balancer. A world-open rule on any other port fails; a world-open web rule on a group
 * attached only to non-load-balancer resources fails; when the input does not show what uses the group,
 * the answer is unknown.
 */
export const codeCheck = defineCheck({
  name: 'sg-world-ingress-web-on-lb',
  description: 'Internet ingress only on web ports, and only on load-balancer security groups',
  kinds: ['aws.ec2.security-group'],
  messages: {
    nonWebPort: 'ingress rule {index} opens {ports} to {cidrs} (only {allowed} may be internet-facing)',
    notLoadBalancer: 'internet-facing web ingress on a group used by {users}, not a load balancer',
    usersUnknown: 'internet-facing web ingress; what uses this group is not in the input',
    rulesUnknown: 'a rule has CIDRs, ports or prefix-list entries known only after apply, or names a prefix list the input does not hold',
  },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      allowPorts: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 65535 }, minItems: 1 },
      lbKinds: { type: 'array', items: { type: 'string' }, minItems: 1 },
    },
  },
  optionRefs: { lbKinds: 'kinds' },
  evaluate(resource, ctx, options) {
    const allow = (options.allowPorts as number[] | undefined) ?? [80, 443];
    const lbKinds = (options.lbKinds as string[] | undefined) ?? ['aws.elb.load-balancer'];
    const val = resource.attrs.ingressRules;
    const rules = rulesOf(resource, 'ingress');
    if (rules === 'error') return { truth: 'error', evidence: [{ path: 'ingressRules', value: null, loc: val?.loc }], error: val?.error, loc: val?.loc };
    if (rules === 'unknown') return { truth: 'unknown', evidence: [{ path: 'ingressRules', value: '(known after apply)', loc: val?.loc }], loc: val?.loc };
    let unknown: Observed | undefined;
    let unreadList: { ev: Observed; error: string } | undefined;
    const webRules: Observed[] = [];
    const lists = prefixListResolver(ctx.model, resource);
    for (const [i, rule] of rules.entries()) {
      // ICMP carries no service (and path-MTU discovery needs it): not what this check is about.
      if (rule.protocol === 'icmp' || rule.protocol === 'icmpv6') continue;
      const world = ruleIsWorld(rule, lists);
      if (world.tri === 'no') continue;
      const ev: Observed = { path: `ingressRules[${i}]`, value: rule, loc: rule._loc ?? val?.loc };
      const beyond = portsBeyond(rule, allow);
      if (beyond === undefined || world.tri === 'maybe') {
        if (world.error) unreadList ??= { ev, error: world.error };
        else unknown ??= ev;
        continue;
      }
      if (beyond !== '') {
        return { truth: 'false', evidence: [ev], loc: ev.loc, message: { id: 'nonWebPort', data: { index: i, ports: beyond, cidrs: world.cidrs.join(', '), allowed: allow.join('/') } } };
      }
      webRules.push(ev);
    }
    if (webRules.length) {
      const { users, unread: unlisted } = attachedResources(ctx.model, resource);
      const lbs = users.filter((u) => lbKinds.includes(u.kind));
      const first = webRules[0]!;
      if (lbs.length) {
        if (unreadList) return { truth: 'error', evidence: [unreadList.ev], loc: unreadList.ev.loc, error: unreadList.error };
        return unknown
          ? { truth: 'unknown', evidence: [unknown], loc: unknown.loc }
          : { truth: 'true', evidence: [...webRules, { path: 'attachedResources', value: lbs.map((l) => l.address ?? l.id) }] };
      }
      // A load balancer may use the group, or nothing that was read does: the failed listing decides.
      const unread = unlisted.find((u) => lbKinds.includes(u.kind)) ?? (users.length ? undefined : unlisted[0]);
      if (unread) {
        return { truth: 'error', evidence: [first, { path: 'attachedResources', value: null, loc: unread.loc }], loc: first.loc, error: `what uses this group: ${unread.readError}` };
      }
      if (users.length) {
        return {
          truth: 'false',
          evidence: [first, { path: 'attachedResources', value: users.map((u) => u.address ?? u.id) }],
          loc: first.loc,
          message: { id: 'notLoadBalancer', data: { users: users.map((u) => u.address ?? u.id).join(', ') } },
        };
      }
      return { truth: 'unknown', evidence: [first, { path: 'attachedResources', value: [] }], loc: first.loc, message: { id: 'usersUnknown' } };
    }
    if (unreadList) return { truth: 'error', evidence: [unreadList.ev], loc: unreadList.ev.loc, error: unreadList.error };
    if (unknown) return { truth: 'unknown', evidence: [unknown], loc: unknown.loc, message: { id: 'rulesUnknown' } };
    return { truth: 'true', evidence: [{ path: 'ingressRules', value: `${rules.length} rule(s), none internet-facing` }] };
  },
});
