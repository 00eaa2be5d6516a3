import { errorVal, type Val } from '../../../model/value.js';
import { isAwsManagedKeyRef } from '../../shared/kms-keys.js';
import type { LiveCtx } from './record.js';

/** True when a key reference names an AWS-managed key (alias/aws/..., or a key the snapshot shows as KeyManager AWS). */
export function keyIsAwsManaged(ctx: LiveCtx, ref: string | undefined | null): boolean | undefined {
  if (!ref) return undefined;
  if (isAwsManagedKeyRef(ref)) return true;
  return keyEntry(ctx, ref)?.awsManaged;
}

function keyEntry(ctx: LiveCtx, ref: string): { awsManaged: boolean | undefined; error?: string } | undefined {
  return ctx.keys.get(ref) ?? ctx.keys.get(ref.split('/').pop() ?? '');
}

/**
 * The "is the key AWS-managed" flag of a resource, as an error when the referenced key's metadata could
 * not be read, and unknown when no KMS listing of the snapshot shows the key (another account's key, or a
 * region not audited): then who manages the key is not known, and the flag must not decide a CMK policy.
 */
export function keyFlag(ctx: LiveCtx, ref: string | undefined | null, flag: Val<boolean>): Val<boolean> {
  if (flag.error || !ref || isAwsManagedKeyRef(ref)) return flag;
  const err = keyEntry(ctx, ref)?.error;
  return err ? errorVal(`key ${ref}: ${err}`, flag.loc) : unlistedKeyUnknown(flag);
}

/** A key no KMS listing of the snapshot shows: who manages it is unknown, never a verdict either way. */
export function unlistedKeyUnknown(v: Val<boolean>): Val<boolean> {
  return v.error || v.value !== undefined ? v : { ...v, origin: 'unknown' };
}
