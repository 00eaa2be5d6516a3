import { SHAREABLE_STORE_KINDS } from '../../model/kinds/ram.js';
import { dataAt, liveAttr, liveFacetAttr, liveLink, liveResource, type LiveAdapter } from './helpers/index.js';

/**
 * A RAM resource share as GetResourceShares lists it, with the `resources` and `principals` facets (its standing
 * associations); a failed read is an error, and a snapshot that never read them leaves them unknown.
 */
const share: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.ram.resource-share', ctx, [dataAt(rec, 'name')]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'name'),
    allowExternalPrincipals: liveAttr(rec, ctx, 'allowExternalPrincipals', { default: true }),
    principals: liveFacetAttr(rec, ctx, 'principals'),
    resourceArns: liveFacetAttr(rec, ctx, 'resources'),
    tags: liveAttr(rec, ctx, 'tags', { default: {} }),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'sharedResources', (dataAt(rec, 'resources') as string[] | undefined) ?? [], [...SHAREABLE_STORE_KINDS], { attribute: 'resources' }));
  return r;
};

export const ramLiveAdapters: Record<string, LiveAdapter> = { 'AWS::RAM::ResourceShare': share };
