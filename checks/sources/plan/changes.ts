import { isObject, type ResourceChange } from './types.js';

/** `resource_changes` by address. Deposed objects (old instances on their way out) are left out. */
export function indexChanges(changes: ResourceChange[] | undefined): Map<string, ResourceChange> {
  const byAddress = new Map<string, ResourceChange>();
  if (!Array.isArray(changes)) return byAddress;
  for (const rc of changes) {
    if (!isObject(rc) || typeof rc.address !== 'string' || rc.deposed) continue;
    byAddress.set(rc.address, rc);
  }
  return byAddress;
}

export function actionsOf(rc: ResourceChange | undefined): string[] | undefined {
  const a = rc?.change?.actions;
  return Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : undefined;
}

/**
 * A resource the plan destroys without replacing (`["delete"]`) is not part of the planned stack.
 * Replacements (`["delete","create"]`, `["create","delete"]`) stay: the new object is what counts.
 */
export function isDeleteOnly(actions: string[] | undefined): boolean {
  return actions !== undefined && actions.length === 1 && actions[0] === 'delete';
}

/**
 * A resource the plan forgets (`["forget"]`, Terraform 1.7's `removed` block with `destroy = false`): it
 * leaves the configuration's management but not the account.
 */
export function isForgotten(actions: string[] | undefined): boolean {
  return actions !== undefined && actions.includes('forget');
}
