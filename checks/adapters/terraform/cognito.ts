import { isUnknown, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { asBool, asNumber, attr, isConfigured, locOf, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : undefined);

/**
 * A setting of the password_policy block (Optional+Computed). Without the block the pool gets the AWS default
 * policy (8 characters, all four character classes); a block that is written leaves out what it does not set
 * (a bool the provider then sends as false).
 */
function passwordAttr(rec: TfRecord, key: string, withoutBlock: number | boolean, inBlock: number | boolean | undefined, map: (v: unknown) => unknown): Val {
  const block = rawAt(rec.values, 'password_policy');
  const loc = locOf(rec, 'password_policy');
  const written = Array.isArray(block) ? block.length > 0 : Boolean(block) && !isUnknown(block);
  if (!written) {
    if (isUnknown(block) && isConfigured(rec, 'password_policy') !== false) return { value: undefined, origin: 'unknown', loc };
    return { value: withoutBlock, origin: 'default', loc };
  }
  return attr(rec, `password_policy.${key}`, { default: inBlock, map });
}

/** aws_cognito_user_pool: MFA, threat protection and the password policy (live: adapters/live/cognito.ts). */
const userPool: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.cognito.user-pool', [rec.values.name]);
  r.attrs = {
    name: attr(rec, 'name'),
    mfaConfiguration: attr(rec, 'mfa_configuration', { default: 'OFF', map: upper }),
    advancedSecurityMode: attr(rec, 'user_pool_add_ons.advanced_security_mode', { default: 'OFF', map: upper }),
    passwordMinimumLength: passwordAttr(rec, 'minimum_length', 8, 8, asNumber),
    passwordRequireLowercase: passwordAttr(rec, 'require_lowercase', true, false, asBool),
    passwordRequireUppercase: passwordAttr(rec, 'require_uppercase', true, false, asBool),
    passwordRequireNumbers: passwordAttr(rec, 'require_numbers', true, false, asBool),
    passwordRequireSymbols: passwordAttr(rec, 'require_symbols', true, false, asBool),
    ...tagAttrs(rec),
  };
  return r;
};

/** aws_cognito_identity_pool: unauthenticated identities and the classic flow are off unless set. */
const identityPool: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.cognito.identity-pool', [rec.values.identity_pool_name]);
  r.attrs = {
    name: attr<string>(rec, 'identity_pool_name'),
    allowUnauthenticated: attr<boolean>(rec, 'allow_unauthenticated_identities', { default: false, map: asBool }),
    allowClassicFlow: attr<boolean>(rec, 'allow_classic_flow', { default: false, map: asBool }),
    ...tagAttrs(rec),
  };
  return r;
};

export const cognitoAdapters: Record<string, TfAdapter> = { aws_cognito_user_pool: userPool, aws_cognito_identity_pool: identityPool };
