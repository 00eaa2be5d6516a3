import type { LinkRef } from '../../../model/resource.js';
import type { SnapshotResource } from '../../../sources/live/snapshot.js';
import { locAt, type LiveCtx } from './record.js';

/** A link request by literal ids/ARNs/names (live has no Terraform references). */
export function liveLink(rec: SnapshotResource, ctx: LiveCtx, name: string, literals: unknown, kinds: string[], opts: { inverse?: string; attribute?: string } = {}): LinkRef {
  const lits = (Array.isArray(literals) ? literals : [literals]).filter((v): v is string => typeof v === 'string' && v.length > 0);
  return { name, kinds, literals: lits, loc: locAt(rec, ctx, opts.attribute ?? name), ...(opts.inverse ? { inverse: opts.inverse } : {}) };
}

/**
 * An identifier matched only as a whole (`live-ref|...`). The linker also matches an ARN by the name
 * in it, and names repeat across regions (log groups, parameter groups, vaults): a link that must stay
 * in its region goes through this token, put in the target's identifiers and the link's literals.
 */
export function liveRefToken(...parts: string[]): string {
  return `live-ref|${parts.join('|')}`;
}

/** The token of a log group, from its ARN with or without the `:*` suffix. */
export function logGroupToken(arn: string): string {
  return liveRefToken(arn.replace(/:\*$/, ''));
}
