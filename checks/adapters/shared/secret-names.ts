import { isCredentialName } from '../../util/credentials.js';

/**
 * Whether an SSM parameter's name says it holds a credential: the last segment of its path (`/sis/prod/db-password`
 * -> `db-password`) judged like a variable name. Undefined while the name is not known.
 */
export function parameterNameLooksSecret(name: unknown): boolean | undefined {
  if (typeof name !== 'string') return undefined;
  const leaf = name.split('/').filter(Boolean).pop() ?? name;
  return isCredentialName(leaf);
}
