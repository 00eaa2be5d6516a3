import { BackupClient, DescribeRegionSettingsCommand, GetBackupPlanCommand, GetBackupSelectionCommand, paginateListBackupPlans, paginateListBackupSelections, paginateListBackupVaults } from '@aws-sdk/client-backup';
import { allPages, type Collector, facet, items, listAll, plain } from './context.js';
import type { SnapshotResource } from '../snapshot.js';

const AIR_GAPPED = 'AWS::Backup::LogicallyAirGappedBackupVault';

/**
 * AWS Backup: plans (rules, lifecycle, copy actions) with their selections (what each selects), vaults, and the
 * region's resource-type opt-in (a selection by tag or wildcard protects only opted-in types).
 */
export async function collectBackup(c: Collector, region: string): Promise<void> {
  const client = c.client(BackupClient, region);
  const [plans, vaults, optIn] = await Promise.all([
    listAll(c, 'backup', region, 'backup:ListBackupPlans', ['AWS::Backup::BackupPlan'], () => items(paginateListBackupPlans({ client }, {}), (p) => p.BackupPlansList)),
    listAll(c, 'backup', region, 'backup:ListBackupVaults', ['AWS::Backup::BackupVault'], () => items(paginateListBackupVaults({ client }, {}), (p) => p.BackupVaultList)),
    c.read('backup', region, 'backup:DescribeRegionSettings', () => client.send(new DescribeRegionSettingsCommand({}))),
  ]);
  facet(c.settingsOf(region), 'backupRegionSettings', optIn, (v) => v.ResourceTypeOptInPreference ?? {});
  await Promise.all(
    (plans ?? []).map(async (p) => {
      const arn = p.BackupPlanArn ?? c.arn('backup', region, `backup-plan:${p.BackupPlanId}`);
      const rec: SnapshotResource = { type: 'AWS::Backup::BackupPlan', arn, region, account: c.accountId, data: plain(p) as Record<string, unknown> };
      const [plan, listed] = await Promise.all([
        c.read('backup', region, 'backup:GetBackupPlan', () => client.send(new GetBackupPlanCommand({ BackupPlanId: p.BackupPlanId }))),
        c.read('backup', region, 'backup:ListBackupSelections', () => allPages(paginateListBackupSelections({ client }, { BackupPlanId: p.BackupPlanId }), (pg) => pg.BackupSelectionsList)),
      ]);
      // The list gives names; what a selection selects (resources, tags, conditions) needs GetBackupSelection.
      const selections = listed.ok
        ? await c.read('backup', region, 'backup:GetBackupSelection', () =>
            Promise.all(
              listed.value.map(async (m) => {
                const got = await client.send(new GetBackupSelectionCommand({ BackupPlanId: p.BackupPlanId, SelectionId: m.SelectionId }));
                return { ...m, ...(got.BackupSelection ?? {}) };
              }),
            ),
          )
        : listed;
      facet(rec, 'plan', plan, (v) => v.BackupPlan ?? null);
      facet(rec, 'selections', selections);
      c.add(rec);
    }),
  );
  // variants slice: air-gapped vaults are asked for by type too (an unfiltered list need not hold them); each vault
  // is typed by its own VaultType, so an answer that ignores the filter types nothing wrongly.
  const airGapped = await listAll(c, 'backup', region, 'backup:ListBackupVaults', [AIR_GAPPED], () =>
    items(paginateListBackupVaults({ client }, { ByVaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT' }), (p) => p.BackupVaultList),
  );
  const seen = new Set<string>();
  for (const v of [vaults ?? [], airGapped ?? []].flat()) {
    const arn = v.BackupVaultArn ?? c.arn('backup', region, `backup-vault:${v.BackupVaultName}`);
    if (seen.has(arn)) continue;
    seen.add(arn);
    const type = v.VaultType === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT' ? AIR_GAPPED : 'AWS::Backup::BackupVault';
    c.add({ type, arn, region, account: c.accountId, data: plain(v) as Record<string, unknown> });
  }
}
