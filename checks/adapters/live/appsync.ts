import { dataAt, liveAttr, liveDerived, liveFacetAttr, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

// apis slice (issue 14, wave 4)
/** A GraphQL API as ListGraphqlApis answers it (authorization types, logConfig, tags in one answer). */
const graphqlApi: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.appsync.graphql-api', ctx, [dataAt(rec, 'apiId')]);
  const extra = (dataAt(rec, 'additionalAuthenticationProviders') as Array<{ authenticationType?: string }> | undefined) ?? [];
  const primary = dataAt(rec, 'authenticationType') as string | undefined;
  const level = dataAt(rec, 'logConfig.fieldLogLevel') as string | undefined;
  const cache = 'apiCache' in rec.data ? (rec.data.apiCache as Record<string, unknown> | null) : undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'name'),
    authenticationType: liveAttr(rec, ctx, 'authenticationType'),
    authenticationTypes: liveDerived(rec, ctx, 'additionalAuthenticationProviders', primary === undefined ? undefined : [primary, ...extra.map((p) => p.authenticationType)]),
    fieldLogLevel: liveDerived(rec, ctx, 'logConfig', level ?? 'NONE', [], level ? 'explicit' : 'default'),
    // apiCache: null when the API has none; a snapshot that never read it leaves all three unknown
    cached: cache === undefined ? liveFacetAttr(rec, ctx, 'apiCache') : liveDerived(rec, ctx, 'apiCache', cache !== null, ['apiCache'], cache ? 'explicit' : 'default'),
    cacheAtRestEncryption: cache === undefined ? liveFacetAttr(rec, ctx, 'apiCache') : liveAttr(rec, ctx, 'apiCache.atRestEncryptionEnabled', cache ? { default: false } : {}),
    cacheTransitEncryption: cache === undefined ? liveFacetAttr(rec, ctx, 'apiCache') : liveAttr(rec, ctx, 'apiCache.transitEncryptionEnabled', cache ? { default: false } : {}),
    ...tagVals(rec, ctx, 'tags'),
  };
  return r;
};

export const appsyncLiveAdapters: Record<string, LiveAdapter> = { 'AWS::AppSync::GraphQLApi': graphqlApi };
