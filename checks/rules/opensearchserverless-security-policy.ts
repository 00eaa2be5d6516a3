import { defineCheck, type CheckOutcome, type Observed } from '../engine/code-check.js';
import type { KindResource } from '../model/typed.js';
import { ofKind } from '../model/typed.js';
import { isUnknown, isUnknownJson } from '../model/value.js';

const messages = {
  customerKey: 'encryption policy {policy} encrypts it with the customer-managed key {key}',
  awsOwnedKey: 'encryption policy {policy} encrypts it with an AWS-owned key, not a customer-managed key',
  notPublic: 'no network policy opens it to the internet ({policies})',
  publicAccess: 'network policy {policy} allows access from the public internet to its {what}',
  noPolicy: 'no {type} policy in this input matches collection/{name}: its {type} settings are not seen here',
  unknownPolicy: '{type} policy {policy} is known only after apply',
  unknownName: 'the collection name is known only after apply',
  badDocument: '{type} policy {policy} is not a policy document OpenSearch Serverless accepts',
} as const;

type Policy = KindResource<'aws.opensearchserverless.security-policy'>;
interface Rule {
  ResourceType?: unknown;
  Resource?: unknown;
}

/** Whether a resource pattern (`collection/logs*`) names the collection; `*` is the only wildcard. */
function matches(pattern: unknown, resource: string): boolean {
  if (typeof pattern !== 'string') return false;
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(resource);
}

function rulesMatch(rules: unknown, resource: string, types: string[]): string[] {
  if (!Array.isArray(rules)) return [];
  const out: string[] = [];
  for (const rule of rules as Rule[]) {
    const type = typeof rule?.ResourceType === 'string' ? rule.ResourceType.toLowerCase() : '';
    if (!types.includes(type)) continue;
    const patterns = Array.isArray(rule.Resource) ? rule.Resource : [];
    // Dashboard rules name their collection too (`collection/<name>`), whatever the ResourceType.
    if (patterns.some((p) => matches(p, `collection/${resource}`))) out.push(type);
  }
  return out;
}

/** The document, or its known part when the JSON is known only after apply (a key ARN from another resource). */
function documentOf(p: Policy): unknown {
  const v = p.attrs.policy?.value;
  if (isUnknownJson(v)) return v.partial;
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
}

const label = (p: Policy) => p.address ?? (typeof p.attrs.name?.value === 'string' ? p.attrs.name.value : p.id);

/**
 * An OpenSearch Serverless collection's security policies, matched by name pattern (`collection/<name>`,
 * `*` a wildcard) among the policies of its region: `encryption`, every matching policy names a KMS key and
 * not the AWS-owned key; `network`, no matching rule (collection or its dashboards) allows public access.
 * A collection no policy of this input matches is unknown (the policy may live in another configuration),
 * a policy known only after apply is unknown, and policies of a region that could not be listed are an error.
 */
export const codeCheck = defineCheck({
  name: 'opensearchserverless-security-policy',
  description: "The collection's matching OpenSearch Serverless encryption policy uses a customer-managed key, or no matching network policy allows public access.",
  kinds: ['aws.opensearchserverless.collection'],
  messages,
  optionsSchema: { type: 'object', additionalProperties: false, required: ['policyType'], properties: { policyType: { enum: ['encryption', 'network'] } } },
  evaluate(r, ctx, options): CheckOutcome<typeof messages> {
    const type = options.policyType as 'encryption' | 'network';
    const name = r.attrs.name;
    if (name?.error) return { truth: 'error', evidence: [{ path: 'name', value: null, loc: name.loc }], error: name.error, loc: name.loc };
    if (typeof name?.value !== 'string') return { truth: 'unknown', evidence: [{ path: 'name', value: '(known after apply)', loc: name?.loc }], loc: r.loc, message: { id: 'unknownName' } };
    const collection = name.value;
    const sameRegion = (p: Policy) => (!p.region || !r.region || p.region === r.region) && (!p.account || !r.account || p.account === r.account);
    const policies = ofKind(ctx.model, 'aws.opensearchserverless.security-policy').filter((p) => p.source === r.source && sameRegion(p));
    const unread = policies.find((p) => p.readError);
    if (unread) return { truth: 'error', evidence: [], loc: r.loc, error: unread.readError };
    const evidence: Observed[] = [];
    const matched: string[] = [];
    let unknown: Policy | undefined;
    for (const p of policies) {
      const ptype = p.attrs.policyType;
      if (ptype?.error) return { truth: 'error', evidence, loc: ptype.loc, error: ptype.error };
      if (ptype?.value !== type) {
        if (ptype?.origin === 'unknown') unknown ??= p;
        continue;
      }
      if (p.attrs.policy?.error) return { truth: 'error', evidence, loc: p.attrs.policy.loc, error: p.attrs.policy.error };
      const doc = documentOf(p);
      if (isUnknown(doc) || (p.attrs.policy?.origin === 'unknown' && doc === undefined)) {
        unknown ??= p;
        continue;
      }
      const loc = p.attrs.policy?.loc ?? p.loc;
      if (type === 'encryption') {
        const d = doc as { Rules?: unknown; AWSOwnedKey?: unknown; KmsARN?: unknown } | undefined;
        if (!d || typeof d !== 'object' || Array.isArray(d)) return { truth: 'false', evidence, loc, message: { id: 'badDocument', data: { type, policy: label(p) } } };
        if (!rulesMatch(d.Rules, collection, ['collection']).length) continue;
        evidence.push({ path: `encryptionPolicy[${label(p)}]`, value: { AWSOwnedKey: d.AWSOwnedKey ?? null, KmsARN: d.KmsARN ?? null }, loc });
        // AWSOwnedKey false with a key ARN known only after apply (another resource's arn): a customer-managed key.
        const keyLater = isUnknown(d.KmsARN) && d.AWSOwnedKey === false;
        if (isUnknown(d.AWSOwnedKey) || (isUnknown(d.KmsARN) && !keyLater)) {
          unknown ??= p;
          continue;
        }
        if (keyLater) {
          matched.push(`${label(p)}|(known after apply)`);
          continue;
        }
        if (d.AWSOwnedKey === true || typeof d.KmsARN !== 'string' || !d.KmsARN) return { truth: 'false', evidence, loc, message: { id: 'awsOwnedKey', data: { policy: label(p) } } };
        matched.push(`${label(p)}|${d.KmsARN}`);
      } else {
        if (!Array.isArray(doc)) return { truth: 'false', evidence, loc, message: { id: 'badDocument', data: { type, policy: label(p) } } };
        let any = false;
        for (const entry of doc as Array<{ Rules?: unknown; AllowFromPublic?: unknown }>) {
          const what = rulesMatch(entry?.Rules, collection, ['collection', 'dashboard']);
          if (!what.length) continue;
          any = true;
          evidence.push({ path: `networkPolicy[${label(p)}]`, value: { AllowFromPublic: entry.AllowFromPublic ?? false, ResourceType: what }, loc });
          if (entry.AllowFromPublic === true) return { truth: 'false', evidence, loc, message: { id: 'publicAccess', data: { policy: label(p), what: what.join(' and ') } } };
          if (isUnknown(entry.AllowFromPublic)) unknown ??= p;
        }
        if (any) matched.push(label(p));
      }
    }
    if (unknown) return { truth: 'unknown', evidence, loc: unknown.loc, message: { id: 'unknownPolicy', data: { type, policy: label(unknown) } } };
    if (!matched.length) return { truth: 'unknown', evidence, loc: r.loc, message: { id: 'noPolicy', data: { type, name: collection } } };
    if (type === 'encryption') {
      const [policy, key] = matched[0]!.split('|');
      return { truth: 'true', evidence, loc: r.loc, message: { id: 'customerKey', data: { policy: policy!, key: key! } } };
    }
    return { truth: 'true', evidence, loc: r.loc, message: { id: 'notPublic', data: { policies: matched.join(', ') } } };
  },
});
