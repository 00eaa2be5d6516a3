import { isObject, type PlanDocument } from './types.js';

/**
 * Literal `region` per provider config key (`aws`, `aws.west`, `module.x:aws`). A root provider whose
 * region is `var.x` takes the variable's value from the plan.
 */
export function providerRegions(doc: PlanDocument): { regions: Record<string, string>; declared: Set<string> } {
  const out: Record<string, string> = {};
  const declared = new Set<string>();
  const providers = doc.configuration?.provider_config;
  if (!isObject(providers)) return { regions: out, declared };
  for (const [key, p] of Object.entries(providers)) {
    declared.add(key);
    if (!isObject(p) || !isObject(p.expressions)) continue;
    const region = p.expressions.region;
    if (!isObject(region)) continue;
    if (typeof region.constant_value === 'string' && region.constant_value) {
      out[key] = region.constant_value;
      continue;
    }
    const refs = Array.isArray(region.references) ? region.references : [];
    const rootProvider = !key.includes(':') && !p.module_address;
    if (rootProvider && refs.length >= 1 && typeof refs[0] === 'string' && refs.every((r) => r === refs[0])) {
      const m = /^var\.([A-Za-z0-9_-]+)$/.exec(refs[0]);
      const value = m && isObject(doc.variables) ? doc.variables[m[1]!]?.value : undefined;
      if (typeof value === 'string' && value) out[key] = value;
    }
  }
  return { regions: out, declared };
}

/**
 * Region of a resource from its provider config key. Old plans key module providers as `<call>:aws`
 * even when inherited, so fall back to the part after the colon; AWS resources without a key use `aws`.
 */
export function regionFor(regions: Record<string, string>, declared: Set<string>, providerKey: string | undefined, type: string): string | undefined {
  if (providerKey !== undefined) {
    if (declared.has(providerKey)) return regions[providerKey];
    const colon = providerKey.lastIndexOf(':');
    return colon >= 0 ? regions[providerKey.slice(colon + 1)] : undefined;
  }
  return type.startsWith('aws_') ? regions.aws : undefined;
}
