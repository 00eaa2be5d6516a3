import { liveAttr, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/**
 * org slice (issue 14, wave 4): a vault as ListVaults lists it, with the `accessPolicy` facet (GetVaultAccessPolicy's
 * policy text, null when the vault has none) and the `tags` facet (ListTagsForVault); a failed read is an error.
 */
const vault: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.glacier.vault', ctx, [liveAttr(rec, ctx, 'VaultName').value]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'VaultName'),
    accessPolicy: liveAttr(rec, ctx, 'accessPolicy'),
    ...tagVals(rec, ctx, 'tags'),
  };
  return r;
};

export const glacierLiveAdapters: Record<string, LiveAdapter> = { 'AWS::Glacier::Vault': vault };
