import type { Resource } from '../../../model/resource.js';
import { isUnknown, isUnknownJson, UNKNOWN } from '../../../model/value.js';
import type { TfRecord } from '../../../sources/terraform/record.js';
import { jsonAttr } from './json.js';
import { linkRef, policyDocumentRef } from './links.js';
import { locOf, tfResource } from './record.js';

/**
 * A standalone resource-policy resource (aws_dynamodb_resource_policy, aws_kinesis_resource_policy) as a facet of
 * the store it guards: its `policy` document is appended to the store's `resourcePolicies`, so a store with several
 * (a table's and its stream's) keeps every one. `resource_arn` may name a part of the store (a table's stream, a
 * stream's consumer): `storeArn` maps such a literal ARN to the store's own, which is how the store is found.
 */
export function resourcePolicyFacet(rec: TfRecord, kind: string, link: string, storeKinds: string[], storeArn: (arn: string) => string): Resource {
  const r = tfResource(rec, kind);
  r.identifiers = [];
  const policy = jsonAttr(rec, 'policy');
  // A document known only after apply stays unknown (partly known JSON keeps its known statements); a missing one too.
  // anything but a JSON object (a value no provider writes) is a document nobody can read: unknown, never no policy
  const known = policy.origin !== 'unknown' && policy.value !== null && typeof policy.value === 'object' && !Array.isArray(policy.value);
  const doc = known ? policy.value : isUnknownJson(policy.value) ? policy.value : UNKNOWN;
  const loc = locOf(rec, 'policy');
  // each document keeps where it is written (`_loc`, left out of evidence): a finding points at the policy, not the store
  const entry = doc && typeof doc === 'object' && !Array.isArray(doc) && !isUnknown(doc) && !isUnknownJson(doc) ? { ...(doc as object), _loc: loc } : doc;
  r.attrs.resourcePolicies = { value: [entry], origin: 'explicit', loc };
  r.appendAttrs = ['resourcePolicies'];
  const store = linkRef(rec, link, 'resource_arn', storeKinds);
  r.linkRefs!.push({ ...store, literals: (store.literals ?? []).map(storeArn) }, policyDocumentRef(rec, 'policySources', 'policy'));
  r.mergeInto = link;
  return r;
}
