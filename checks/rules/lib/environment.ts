import { isUnknown } from '../../model/value.js';
import { CREDENTIAL_MARKER, isSecretKeyName, looksLikeSecretValue } from '../../util/credentials.js';

// The judgement of one plain environment variable, shared by the ECS and Lambda checks.

const NOT_SECRET_VALUE = /^(true|false|yes|no|on|off|none|null|required|optional|disabled|enabled|\d+)$/i;

/** A literal that could be a secret: not empty, not a flag or number, not an ARN or a dynamic reference. */
function literalSecret(value: string): boolean {
  const t = value.trim();
  if (!t || NOT_SECRET_VALUE.test(t)) return false;
  return !/^(arn:aws|\{\{resolve:)/.test(t);
}

/** A name that says credential (PASSWORD, TOKEN, ...) and not a reference to one (`referenceName`: DB_PASSWORD_ARN). */
export function secretNamed(name: string, referenceName: RegExp): boolean {
  return isSecretKeyName(name) && !referenceName.test(name);
}

/**
 * `plain`: the variable carries a credential in the clear (a credential-looking value, or a literal under a
 * credential name); `unknown`: a credential name whose value is known only after apply; `none` otherwise.
 */
export function plainCredential(name: string, value: unknown, referenceName: RegExp): 'plain' | 'unknown' | 'none' {
  const secretName = secretNamed(name, referenceName);
  if (isUnknown(value)) return secretName ? 'unknown' : 'none';
  if (typeof value !== 'string') return 'none';
  return value === CREDENTIAL_MARKER || looksLikeSecretValue(value) || (secretName && literalSecret(value)) ? 'plain' : 'none';
}
