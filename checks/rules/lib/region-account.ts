import type { Resource } from '../../model/resource.js';

/** The account resource holding a resource's region settings: live, by account and region; Terraform, the input's synthetic account. */
export function settingsAccount(accounts: Resource[], r: Resource): Resource | undefined {
  if (r.source !== 'live') return accounts.find((a) => a.source === r.source);
  return accounts.find((a) => a.account === r.account && a.region === r.region && a.attrs.settingsScope?.value !== 'account');
}
