import { CognitoIdentityClient, DescribeIdentityPoolCommand, paginateListIdentityPools } from '@aws-sdk/client-cognito-identity';
import { facet, items, listAll, plain, type Collector } from './context.js';

const TYPE = 'AWS::Cognito::IdentityPool';

/**
 * Cognito identity pools: each pool as DescribeIdentityPool describes it (`pool` facet: AllowUnauthenticatedIdentities,
 * AllowClassicFlow, IdentityPoolTags). ListIdentityPools gives ids and names only, so a failed describe leaves the
 * pool recorded with that facet an error (its policies report `error`).
 */
export async function collectCognitoIdentity(c: Collector, region: string): Promise<void> {
  const client = c.client(CognitoIdentityClient, region);
  const pools = await listAll(c, 'cognito-identity', region, 'cognito-identity:ListIdentityPools', [TYPE], () => items(paginateListIdentityPools({ client }, { MaxResults: 60 }), (p) => p.IdentityPools));
  await Promise.all(
    (pools ?? []).map(async (p) => {
      if (!p.IdentityPoolId) return;
      const described = await c.read('cognito-identity', region, 'cognito-identity:DescribeIdentityPool', () => client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: p.IdentityPoolId })));
      const rec = c.add({ type: TYPE, arn: c.arn('cognito-identity', region, `identitypool/${p.IdentityPoolId}`), region, account: c.accountId, data: { IdentityPoolId: p.IdentityPoolId, IdentityPoolName: p.IdentityPoolName ?? null } });
      facet(rec, 'pool', described, (v) => plain(v));
    }),
  );
}
