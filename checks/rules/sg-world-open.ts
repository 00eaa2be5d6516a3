import { defineCheck, type Observed } from '../engine/code-check.js';
import { portText, prefixListResolver, ruleCoversPort, ruleIsWorld, rulesOf, type RuleView, type Tri } from './lib/network.js';

/** All protocols (-1), or every TCP or UDP port (0-65535): what "allow all" rules look like. */
function allTraffic(rule: RuleView): Tri {
  if (rule.protocol === '-1') return 'yes';
  if (typeof rule.protocol !== 'string') return 'maybe';
  if (rule.protocol !== 'tcp' && rule.protocol !== 'udp') return 'no';
  if (typeof rule.fromPort !== 'number' || typeof rule.toPort !== 'number') return 'maybe';
  return rule.fromPort <= 0 && rule.toPort >= 65535 ? 'yes' : 'no';
}

/**
 * Fails when a security group has a rule open to the whole internet (0.0.0.0/0, ::/0 or any range
 * wider than a public /8 or /16, see cidrIsWorld) that reaches one of `ports` (port ranges and
 * all-protocol rules count), or, with `allProtocols`, that allows every protocol. Every rule is
 * examined: a `self` rule or a rule from another group does not excuse a later world-open one.
 * A managed prefix list counts by its entries: a customer-managed list holding 0.0.0.0/0 is the
 * internet; an AWS-managed one (a service's addresses) is not; one the input does not hold is unknown,
 * and one whose read failed an error. Unknown CIDRs, ports or rule lists make the answer unknown
 * unless a known rule already fails.
 */
export const codeCheck = defineCheck({
  name: 'sg-world-open',
  description: 'No rule of the given direction opens the listed ports (or all protocols) to the internet',
  kinds: ['aws.ec2.security-group'],
  messages: {
    openToWorld: '{direction} rule {index} opens {what} to {cidrs}',
    rulesUnknown: 'a rule has CIDRs, ports or prefix-list entries known only after apply, or names a prefix list the input does not hold',
  },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      direction: { enum: ['ingress', 'egress'] },
      ports: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 65535 }, minItems: 1 },
      allProtocols: { type: 'boolean' },
    },
  },
  evaluate(resource, ctx, options) {
    const direction = (options.direction as 'ingress' | 'egress' | undefined) ?? 'ingress';
    const ports = (options.ports as number[] | undefined) ?? [];
    const allProtocols = options.allProtocols === true;
    const attrName = direction === 'ingress' ? 'ingressRules' : 'egressRules';
    const val = direction === 'ingress' ? resource.attrs.ingressRules : resource.attrs.egressRules;
    const rules = rulesOf(resource, direction);
    if (rules === 'error') return { truth: 'error', evidence: [{ path: attrName, value: null, loc: val?.loc }], error: val?.error, loc: val?.loc };
    if (rules === 'unknown') return { truth: 'unknown', evidence: [{ path: attrName, value: '(known after apply)', loc: val?.loc }], loc: val?.loc };
    let maybe: Observed | undefined;
    let unread: { ev: Observed; error: string } | undefined;
    const lists = prefixListResolver(ctx.model, resource);
    for (const [i, rule] of rules.entries()) {
      const world = ruleIsWorld(rule, lists);
      if (world.tri === 'no') continue;
      let reach: Tri = 'no';
      let hit: number | undefined;
      if (allProtocols) reach = allTraffic(rule);
      for (const p of ports) {
        const c = ruleCoversPort(rule, p);
        if (c === 'yes') {
          reach = 'yes';
          hit = p;
          break;
        }
        if (c === 'maybe') reach = 'maybe';
      }
      const ev: Observed = { path: `${attrName}[${i}]`, value: rule, loc: rule._loc ?? val?.loc };
      if (world.tri === 'yes' && reach === 'yes') {
        const what = allProtocols && hit === undefined ? (rule.protocol === '-1' ? 'all traffic' : `every port (${portText(rule)})`) : `port ${hit} (${portText(rule)})`;
        return {
          truth: 'false',
          evidence: [ev],
          loc: ev.loc,
          message: { id: 'openToWorld', data: { direction, index: i, what, cidrs: world.cidrs.join(', ') } },
        };
      }
      if (reach !== 'no' && world.error && !unread) unread = { ev, error: world.error };
      else if (reach !== 'no' && !maybe) maybe = ev;
    }
    if (unread) return { truth: 'error', evidence: [unread.ev], loc: unread.ev.loc, error: unread.error };
    if (maybe) return { truth: 'unknown', evidence: [maybe], loc: maybe.loc, message: { id: 'rulesUnknown' } };
    return { truth: 'true', evidence: [{ path: attrName, value: `${rules.length} rule(s), none open to the internet on the checked ports` }] };
  },
});
