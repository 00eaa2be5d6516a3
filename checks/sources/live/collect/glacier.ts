import { GetVaultAccessPolicyCommand, GlacierClient, ListTagsForVaultCommand, paginateListVaults } from '@aws-sdk/client-glacier';
import { facet, items, listAll, plain, type Collector } from './context.js';

const TYPE = 'AWS::Glacier::Vault';

/**
 * org slice (issue 14, wave 4): the S3 Glacier vaults of one region (ListVaults, accountId "-": the caller's) with
 * their access policy (`accessPolicy`: the policy text, null when none) and tags.
 */
export async function collectGlacier(c: Collector, region: string): Promise<void> {
  if (c.covered(TYPE)) return;
  const client = c.client(GlacierClient, region);
  const vaults = await listAll(c, 'glacier', region, 'glacier:ListVaults', [TYPE], () => items(paginateListVaults({ client }, { accountId: '-' }), (p) => p.VaultList));
  await Promise.all(
    (vaults ?? []).map(async (v) => {
      if (!v.VaultARN || !v.VaultName) return;
      const rec = c.add({ type: TYPE, arn: v.VaultARN, region, account: c.accountId, data: plain(v) as Record<string, unknown> });
      const policy = await c.read('glacier', region, 'glacier:GetVaultAccessPolicy', () => client.send(new GetVaultAccessPolicyCommand({ accountId: '-', vaultName: v.VaultName })));
      facet(rec, 'accessPolicy', policy, (p) => p.policy?.Policy ?? null);
      const tags = await c.read('glacier', region, 'glacier:ListTagsForVault', () => client.send(new ListTagsForVaultCommand({ accountId: '-', vaultName: v.VaultName })));
      facet(rec, 'tags', tags, (t) => t.Tags ?? {});
    }),
  );
}
