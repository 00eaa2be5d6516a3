import { attr, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : undefined);

/** aws_cognito_user_pool: MFA and threat protection (there is no live collector for Cognito). */
const userPool: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.cognito.user-pool', [rec.values.name]);
  r.attrs = {
    name: attr(rec, 'name'),
    mfaConfiguration: attr(rec, 'mfa_configuration', { default: 'OFF', map: upper }),
    advancedSecurityMode: attr(rec, 'user_pool_add_ons.advanced_security_mode', { default: 'OFF', map: upper }),
    ...tagAttrs(rec),
  };
  return r;
};

export const cognitoAdapters: Record<string, TfAdapter> = { aws_cognito_user_pool: userPool };
