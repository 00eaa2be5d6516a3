import { dataAt, liveAttr, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : undefined);

/**
 * A user pool as collect/cognito.ts writes it: `Id`, `Name` and the `pool` facet (DescribeUserPool's UserPool).
 * A failed describe makes every setting an error. Without a PasswordPolicy in the answer the AWS default
 * policy (8 characters, every class) applies.
 */
const userPool: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.cognito.user-pool', ctx, [dataAt(rec, 'Id'), dataAt(rec, 'Name')]);
  const pw = (k: string, dflt: number | boolean) => liveAttr(rec, ctx, `pool.Policies.PasswordPolicy.${k}`, { default: dflt, facet: 'pool' });
  r.attrs = {
    name: liveAttr(rec, ctx, 'Name'),
    mfaConfiguration: liveAttr(rec, ctx, 'pool.MfaConfiguration', { default: 'OFF', map: upper, facet: 'pool' }),
    advancedSecurityMode: liveAttr(rec, ctx, 'pool.UserPoolAddOns.AdvancedSecurityMode', { default: 'OFF', map: upper, facet: 'pool' }),
    passwordMinimumLength: pw('MinimumLength', 8),
    passwordRequireLowercase: pw('RequireLowercase', true),
    passwordRequireUppercase: pw('RequireUppercase', true),
    passwordRequireNumbers: pw('RequireNumbers', true),
    passwordRequireSymbols: pw('RequireSymbols', true),
    ...tagVals(rec, ctx, 'pool.UserPoolTags', 'pool'),
  };
  return r;
};

/** An identity pool: `IdentityPoolId`, `IdentityPoolName` and the `pool` facet (DescribeIdentityPool's answer); a failed describe makes every setting an error. */
const identityPool: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.cognito.identity-pool', ctx, [dataAt(rec, 'IdentityPoolId'), dataAt(rec, 'IdentityPoolName')]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'IdentityPoolName'),
    allowUnauthenticated: liveAttr(rec, ctx, 'pool.AllowUnauthenticatedIdentities', { default: false, facet: 'pool' }),
    allowClassicFlow: liveAttr(rec, ctx, 'pool.AllowClassicFlow', { default: false, facet: 'pool' }),
    ...tagVals(rec, ctx, 'pool.IdentityPoolTags', 'pool'),
  };
  return r;
};

export const cognitoLiveAdapters: Record<string, LiveAdapter> = { 'AWS::Cognito::UserPool': userPool, 'AWS::Cognito::IdentityPool': identityPool };
