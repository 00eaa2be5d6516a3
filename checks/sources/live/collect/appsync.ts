import { AppSyncClient, GetApiCacheCommand, paginateListGraphqlApis } from '@aws-sdk/client-appsync';
import { facet, items, listAll, plain, type Collector } from './context.js';

// apis slice (issue 14, wave 4)
/**
 * AppSync: GraphQL APIs as ListGraphqlApis lists them (authorization types, logConfig, tags; no API key values), and
 * each API's resolver cache (`apiCache`: GetApiCache, one call per API, no batch read exists; null when it has none).
 */
export async function collectAppSync(c: Collector, region: string): Promise<void> {
  const client = c.client(AppSyncClient, region);
  const apis = await listAll(c, 'appsync', region, 'appsync:ListGraphqlApis', ['AWS::AppSync::GraphQLApi'], () => items(paginateListGraphqlApis({ client }, {}), (p) => p.graphqlApis));
  await Promise.all(
    (apis ?? []).map(async (a) => {
      if (!a.arn) return;
      const rec = c.add({ type: 'AWS::AppSync::GraphQLApi', arn: a.arn, region, account: c.accountId, data: plain(a) as Record<string, unknown> });
      if (a.apiId) facet(rec, 'apiCache', await c.read('appsync', region, 'appsync:GetApiCache', () => client.send(new GetApiCacheCommand({ apiId: a.apiId }))), (v) => plain(v.apiCache ?? null));
    }),
  );
}
