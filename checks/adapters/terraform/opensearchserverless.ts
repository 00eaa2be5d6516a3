import { attr, computedAttr, jsonAttr, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const collection: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.opensearchserverless.collection', [rec.values.name]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    collectionType: computedAttr<string>(rec, 'type', { default: 'TIMESERIES' }),
    ...tagAttrs(rec),
  };
  return r;
};

/** aws_opensearchserverless_security_policy: an encryption or network policy, matched to collections by name pattern. */
const securityPolicy: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.opensearchserverless.security-policy', [rec.values.name]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    policyType: attr<string>(rec, 'type'),
    policy: jsonAttr(rec, 'policy'),
  };
  return r;
};

/** Terraform resource type -> adapter. */
export const opensearchServerlessAdapters: Record<string, TfAdapter> = {
  aws_opensearchserverless_collection: collection,
  aws_opensearchserverless_security_policy: securityPolicy,
};
