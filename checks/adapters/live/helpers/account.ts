import type { LiveCtx } from './record.js';

/**
 * The id of the live account resource of a region (of a member account in an organisation snapshot);
 * region `global` names the one resource per account that holds the account-wide settings.
 */
export function accountArn(ctx: LiveCtx, region: string, account: string = ctx.snapshot.account.id): string {
  return `arn:${ctx.snapshot.account.partition}::${region === 'global' ? '' : region}:${account || ctx.snapshot.account.id}:account`;
}
