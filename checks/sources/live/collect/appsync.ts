import { AppSyncClient, paginateListGraphqlApis } from '@aws-sdk/client-appsync';
import { items, listAll, plain, type Collector } from './context.js';

// apis slice (issue 14, wave 4)
/** AppSync: GraphQL APIs as ListGraphqlApis lists them (authorization types, logConfig, tags; no API key values). */
export async function collectAppSync(c: Collector, region: string): Promise<void> {
  const client = c.client(AppSyncClient, region);
  const apis = await listAll(c, 'appsync', region, 'appsync:ListGraphqlApis', ['AWS::AppSync::GraphQLApi'], () => items(paginateListGraphqlApis({ client }, {}), (p) => p.graphqlApis));
  for (const a of apis ?? []) {
    if (!a.arn) continue;
    c.add({ type: 'AWS::AppSync::GraphQLApi', arn: a.arn, region, account: c.accountId, data: plain(a) as Record<string, unknown> });
  }
}
