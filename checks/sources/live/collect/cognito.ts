import { CognitoIdentityProviderClient, DescribeUserPoolCommand, paginateListUserPools } from '@aws-sdk/client-cognito-identity-provider';
import { facet, items, listAll, type Collector } from './context.js';

const TYPE = 'AWS::Cognito::UserPool';

/**
 * Cognito user pools: each pool as DescribeUserPool describes it (`pool` facet: MfaConfiguration,
 * UserPoolAddOns, Policies.PasswordPolicy, UserPoolTags). ListUserPools alone lacks those settings, so a
 * failed describe leaves the pool recorded with that facet an error (its policies report `error`).
 */
export async function collectCognito(c: Collector, region: string): Promise<void> {
  const client = c.client(CognitoIdentityProviderClient, region);
  const pools = await listAll(c, 'cognito-idp', region, 'cognito-idp:ListUserPools', [TYPE], () => items(paginateListUserPools({ client }, { MaxResults: 60 }), (p) => p.UserPools));
  await Promise.all(
    (pools ?? []).map(async (p) => {
      if (!p.Id) return;
      const described = await c.read('cognito-idp', region, 'cognito-idp:DescribeUserPool', () => client.send(new DescribeUserPoolCommand({ UserPoolId: p.Id })));
      const arn = (described.ok && described.value.UserPool?.Arn) || c.arn('cognito-idp', region, `userpool/${p.Id}`);
      const rec = c.add({ type: TYPE, arn, region, account: c.accountId, data: { Id: p.Id, Name: p.Name ?? null } });
      facet(rec, 'pool', described, (v) => v.UserPool ?? {});
    }),
  );
}
