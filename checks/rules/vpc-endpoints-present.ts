import { defineCheck, type Observed } from '../engine/code-check.js';
import { linkedOf } from '../model/typed.js';

/**
 * The VPC has an endpoint for each listed AWS service (a service name ending `.<service>`:
 * com.amazonaws.us-east-1.s3), so traffic to those services stays on the AWS network instead of going out
 * through a NAT gateway to the internet. A live endpoint that is not `available` (deleted, failed,
 * rejected) does not count; an endpoint whose service name is known only after apply is unknown.
 */
export const codeCheck = defineCheck({
  name: 'vpc-endpoints-present',
  description: 'The VPC has an endpoint for each listed AWS service.',
  kinds: ['aws.ec2.vpc'],
  messages: {
    present: 'endpoints for {services}',
    missing: 'no VPC endpoint for {services}: that traffic leaves through the internet path',
    unknownService: 'an endpoint\'s service name is known only after apply',
  },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['services'],
    properties: { services: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-z0-9.-]+$' } } },
  },
  evaluate(r, ctx, options) {
    const services = options.services as string[];
    const endpoints = linkedOf(ctx.model, r, 'endpoints');
    const evidence: Observed[] = [];
    const found = new Set<string>();
    let unknown = false;
    for (const e of endpoints) {
      const { serviceName, state } = e.attrs;
      if (serviceName?.error) return { truth: 'error', evidence: [{ path: 'endpoints', value: null, loc: serviceName.loc }], error: serviceName.error, loc: serviceName.loc };
      if (serviceName?.origin === 'unknown') {
        unknown = true;
        continue;
      }
      if (typeof state?.value === 'string' && !['available', 'pending', 'pendingacceptance'].includes(state.value.toLowerCase())) continue;
      const name = typeof serviceName?.value === 'string' ? serviceName.value : '';
      for (const s of services) if (name.endsWith(`.${s}`)) found.add(s);
      evidence.push({ path: `endpoints[${e.address ?? e.id}].serviceName`, value: name, loc: serviceName?.loc ?? e.loc });
    }
    const missing = services.filter((s) => !found.has(s));
    if (!missing.length) return { truth: 'true', evidence, loc: r.loc, message: { id: 'present', data: { services: services.join(', ') } } };
    if (unknown) return { truth: 'unknown', evidence, loc: r.loc, message: { id: 'unknownService' } };
    return { truth: 'false', evidence, loc: r.loc, message: { id: 'missing', data: { services: missing.join(', ') } } };
  },
});
