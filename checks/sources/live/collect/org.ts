import { OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { InputError } from '../../../errors.js';
import type { SnapshotError } from '../snapshot.js';
import type { Collector } from './context.js';

export interface OrgAccount {
  id: string;
  name?: string;
}

/**
 * The ACTIVE accounts of the caller's organisation (organizations:ListAccounts, every page). Suspended,
 * closing and closed accounts are left out: nothing can be assumed or read in them. Without this list
 * there is nothing to audit, so a failure is an InputError naming the cause.
 */
export async function listOrgAccounts(c: Collector, region: string, pageSize?: number): Promise<OrgAccount[]> {
  // Organizations has one endpoint per partition; the SDK resolves it from any region.
  const client = c.client(OrganizationsClient, region);
  const r = await c.read('organizations', region, 'organizations:ListAccounts', async () => {
    const out: OrgAccount[] = [];
    for await (const page of paginateListAccounts({ client, ...(pageSize ? { pageSize } : {}) }, {})) {
      for (const a of page.Accounts ?? []) {
        const state = a.State ?? a.Status;
        if (a.Id && state === 'ACTIVE') out.push({ id: a.Id, ...(a.Name ? { name: a.Name } : {}) });
      }
    }
    return out;
  });
  if (!r.ok) {
    const code = r.notConfigured ? r.code : r.error.code;
    const why = r.notConfigured ? code : `${code}: ${r.error.message}`;
    if (code === 'AWSOrganizationsNotInUseException') throw new InputError(`--org: account ${c.accountId} is not in an AWS Organization`);
    throw new InputError(`--org: cannot list the organisation's accounts (organizations:ListAccounts ${why}); run from the management account or a delegated administrator`);
  }
  return r.value.sort((a, b) => a.id.localeCompare(b.id));
}

/** Refresh assumed-role credentials this long before they expire. */
const REFRESH_MS = 5 * 60_000;

/**
 * Credentials of a member account: sts:AssumeRole through the caller's (recorded, hooked) STS client,
 * renewed before they expire so an audit longer than the session still works. The first assumption
 * happens here, so a role that cannot be assumed is known before any call is made in that account.
 */
export async function assumeRoleCredentials(c: Collector, region: string, roleArn: string): Promise<{ ok: true; provider: AwsCredentialIdentityProvider } | { ok: false; error: SnapshotError }> {
  const sts = c.client(STSClient, region);
  const assume = async (): Promise<AwsCredentialIdentity> => {
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'ferpa-ready-audit', DurationSeconds: 3600 }));
    const k = out.Credentials;
    if (!k?.AccessKeyId || !k.SecretAccessKey) throw Object.assign(new Error(`sts:AssumeRole returned no credentials for ${roleArn}`), { name: 'NoCredentials' });
    return { accessKeyId: k.AccessKeyId, secretAccessKey: k.SecretAccessKey, ...(k.SessionToken ? { sessionToken: k.SessionToken } : {}), ...(k.Expiration ? { expiration: new Date(k.Expiration) } : {}) };
  };
  const first = await c.read('sts', region, 'sts:AssumeRole', assume);
  if (!first.ok) {
    const error: SnapshotError = first.notConfigured
      ? { code: first.code, message: `cannot assume ${roleArn}`, call: 'sts:AssumeRole' }
      : { ...first.error, message: `cannot assume ${roleArn}: ${first.error.message}` };
    return { ok: false, error };
  }
  let current = first.value;
  let pending: Promise<AwsCredentialIdentity> | undefined;
  const provider: AwsCredentialIdentityProvider = async () => {
    if (!current.expiration || current.expiration.getTime() - Date.now() > REFRESH_MS) return current;
    pending ??= assume().then(
      (k) => {
        current = k;
        pending = undefined;
        return k;
      },
      (e) => {
        pending = undefined;
        throw e;
      },
    );
    return pending;
  };
  return { ok: true, provider };
}
