import type { Resource } from '../../model/resource.js';
import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, liveRefToken, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

const vault: LiveAdapter = (rec, ctx) => vaultOf(rec, ctx, false);

/** variants slice: a logically air-gapped vault (ListBackupVaults VaultType) is locked in compliance mode from the start. */
const airGappedVault: LiveAdapter = (rec, ctx) => vaultOf(rec, ctx, true);

function vaultOf(...[rec, ctx, lockedByDefault]: [...Parameters<LiveAdapter>, boolean]): Resource {
  const r = liveResource(rec, 'aws.backup.vault', ctx, [dataAt(rec, 'BackupVaultName'), liveRefToken('vault', rec.region, String(dataAt(rec, 'BackupVaultName')))]);
  const key = dataAt(rec, 'EncryptionKeyArn') as string | undefined;
  const daysOf = (v: unknown) => v;
  r.attrs = {
    name: liveAttr(rec, ctx, 'BackupVaultName'),
    kmsKeyArn: liveAttr(rec, ctx, 'EncryptionKeyArn'),
    kmsKeyIsAwsManaged: keyFlag(ctx, key, liveDerived(rec, ctx, 'EncryptionKeyArn', key ? keyIsAwsManaged(ctx, key) : true, [], key ? 'explicit' : 'default')),
    locked: liveAttr(rec, ctx, 'Locked', { default: lockedByDefault }),
    lockMinRetentionDays: liveAttr(rec, ctx, 'MinRetentionDays', { map: daysOf }),
    lockMaxRetentionDays: liveAttr(rec, ctx, 'MaxRetentionDays', { map: daysOf }),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'EncryptionKeyArn' }));
  return r;
};

interface Rule {
  RuleName?: string;
  TargetBackupVaultName?: string;
  ScheduleExpression?: string;
  Lifecycle?: { DeleteAfterDays?: number; MoveToColdStorageAfterDays?: number };
  CopyActions?: Array<{ DestinationBackupVaultArn?: string; Lifecycle?: { DeleteAfterDays?: number; MoveToColdStorageAfterDays?: number } }>;
}

const plan: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.backup.plan', ctx, [dataAt(rec, 'BackupPlanId')]);
  const rules = ((dataAt(rec, 'plan.Rules') as Rule[] | undefined) ?? []).map((x) => ({
    ruleName: x.RuleName ?? null,
    targetVaultName: x.TargetBackupVaultName ?? null,
    schedule: x.ScheduleExpression ?? null,
    ...(x.Lifecycle?.DeleteAfterDays !== undefined ? { deleteAfter: x.Lifecycle.DeleteAfterDays } : {}),
    ...(x.Lifecycle?.MoveToColdStorageAfterDays !== undefined ? { coldStorageAfter: x.Lifecycle.MoveToColdStorageAfterDays } : {}),
    copyActions: (x.CopyActions ?? []).map((c) => ({
      destinationVaultArn: c.DestinationBackupVaultArn ?? null,
      ...(c.Lifecycle?.DeleteAfterDays !== undefined ? { deleteAfter: c.Lifecycle.DeleteAfterDays } : {}),
      ...(c.Lifecycle?.MoveToColdStorageAfterDays !== undefined ? { coldStorageAfter: c.Lifecycle.MoveToColdStorageAfterDays } : {}),
    })),
  }));
  r.attrs = {
    name: liveAttr(rec, ctx, 'BackupPlanName'),
    rules: liveDerived(rec, ctx, 'plan', rules, ['plan']),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  const vaults = rules.map((x) => x.targetVaultName).filter(Boolean).map((n) => liveRefToken('vault', rec.region, String(n)));
  r.linkRefs!.push(liveLink(rec, ctx, 'vault', vaults, ['aws.backup.vault'], { inverse: 'plans', attribute: 'plan' }));
  r.linkRefs!.push(liveLink(rec, ctx, 'copyVaults', rules.flatMap((x) => x.copyActions.map((c) => c.destinationVaultArn)), ['aws.backup.vault'], { attribute: 'plan' }));
  const out: Resource[] = [r];
  // Selections become their own resources (the plan gets the inverse link `selections`).
  const selections = (dataAt(rec, 'selections') as LiveSelection[] | null | undefined) ?? [];
  r.attrs.selectionNames = liveDerived(rec, ctx, 'selections', selections.map((s) => s.SelectionName ?? s.SelectionId ?? ''), ['selections']);
  for (const s of selections) {
    const sarn = `${rec.arn}/selection/${s.SelectionId}`;
    const srec = { type: 'AWS::Backup::BackupSelection', arn: sarn, region: rec.region, account: rec.account, data: s as Record<string, unknown> };
    const sel = liveResource(srec, 'aws.backup.selection', ctx, [s.SelectionId]);
    // The list call gives names only; GetBackupSelection (merged by the collector) gives what is selected.
    sel.attrs = {
      name: liveAttr(srec, ctx, 'SelectionName'),
      iamRoleArn: liveAttr(srec, ctx, 'IamRoleArn'),
      resources: liveAttr(srec, ctx, 'Resources', { default: [] }),
      notResources: liveAttr(srec, ctx, 'NotResources', { default: [] }),
      selectionTags: liveDerived(srec, ctx, 'ListOfTags', (s.ListOfTags ?? []).map((t) => ({ type: t.ConditionType ?? null, key: t.ConditionKey ?? null, value: t.ConditionValue ?? null }))),
      conditions: liveDerived(srec, ctx, 'Conditions', liveConditions(s.Conditions)),
    };
    sel.linkRefs!.push({ name: 'plan', kinds: ['aws.backup.plan'], literals: [rec.arn], inverse: 'selections', loc: sel.loc });
    out.push(sel);
  }
  return out;
};

interface LiveSelection {
  SelectionId?: string;
  SelectionName?: string;
  IamRoleArn?: string;
  Resources?: string[];
  NotResources?: string[];
  ListOfTags?: Array<{ ConditionType?: string; ConditionKey?: string; ConditionValue?: string }>;
  Conditions?: Record<string, Array<{ ConditionKey?: string; ConditionValue?: string }> | undefined>;
}

const LIVE_CONDITION_OPS: Record<string, string> = { StringEquals: 'equals', StringLike: 'like', StringNotEquals: 'notEquals', StringNotLike: 'notLike' };

function liveConditions(raw: LiveSelection['Conditions']): unknown[] {
  return Object.entries(LIVE_CONDITION_OPS).flatMap(([name, op]) =>
    (raw?.[name] ?? []).map((c) => ({ op, key: (c.ConditionKey ?? '').replace(/^aws:ResourceTag\//, ''), value: c.ConditionValue ?? null })),
  );
}

export const backupLiveAdapters: Record<string, LiveAdapter> = {
  'AWS::Backup::BackupVault': vault,
  'AWS::Backup::LogicallyAirGappedBackupVault': airGappedVault,
  'AWS::Backup::BackupPlan': plan,
};
