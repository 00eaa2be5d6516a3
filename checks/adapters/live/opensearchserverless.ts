import { dataAt, liveAttr, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A collection as BatchGetCollection describes it, with its tags (facet `tags`). */
const collection: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.opensearchserverless.collection', ctx, [dataAt(rec, 'name'), dataAt(rec, 'id')]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'name'),
    collectionType: liveAttr(rec, ctx, 'type', { default: 'TIMESERIES' }),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  return r;
};

/** An encryption or network policy as GetSecurityPolicy answers it (facet `securityPolicyDetail`). */
const securityPolicy: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.opensearchserverless.security-policy', ctx, [dataAt(rec, 'name')]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'name'),
    policyType: liveAttr(rec, ctx, 'type'),
    policy: liveAttr(rec, ctx, 'securityPolicyDetail.policy'),
  };
  return r;
};

export const opensearchServerlessLiveAdapters: Record<string, LiveAdapter> = {
  'AWS::OpenSearchServerless::Collection': collection,
  'AWS::OpenSearchServerless::SecurityPolicy': securityPolicy,
};
