import { InputError } from '../../errors.js';
import { BACKUP_PROTECTED_KINDS } from '../../model/kinds/backup.js';
import type { LinkRef } from '../../model/resource.js';
import { isUnknown, UNKNOWN } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { accountFacet, appendRegionalEntry, asBool, asNumber, attr, awsManagedKeyAttr, computedAttr, linkRef, locOf, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';
import { pushAll } from '../../util/push-all.js';

const vault: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.backup.vault', [rec.values.name]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    kmsKeyArn: computedAttr<string>(rec, 'kms_key_arn'),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'kms_key_arn'),
    forceDestroy: computedAttr(rec, 'force_destroy', { default: false, map: asBool }),
    locked: { value: false, origin: 'default', loc: r.loc },
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_arn', ['aws.kms.key']));
  return r;
};

// variants slice (issue 14, wave 4)
/**
 * aws_backup_logically_air_gapped_vault: a vault AWS locks in compliance mode when it is made (min and max
 * retention required), with no force_destroy; encryption_key_arn unset means a key AWS owns.
 */
const airGappedVault: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.backup.vault', [rec.values.name]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    kmsKeyArn: computedAttr<string>(rec, 'encryption_key_arn'),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'encryption_key_arn'),
    forceDestroy: { value: false, origin: 'default', loc: r.loc },
    locked: { value: true, origin: 'default', loc: r.loc },
    lockMinRetentionDays: attr(rec, 'min_retention_days', { map: asNumber }),
    lockMaxRetentionDays: attr(rec, 'max_retention_days', { map: asNumber }),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'encryption_key_arn', ['aws.kms.key']));
  return r;
};

/** aws_backup_vault_lock_configuration: a facet merged into its vault. */
const vaultLock: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.backup.vault');
  r.mergeInto = 'vault';
  r.linkRefs!.push(linkRef(rec, 'vault', 'backup_vault_name', ['aws.backup.vault']));
  r.attrs = {
    locked: { value: true, origin: 'explicit', loc: r.loc },
    lockMinRetentionDays: attr(rec, 'min_retention_days', { map: asNumber }),
    lockMaxRetentionDays: attr(rec, 'max_retention_days', { map: asNumber }),
    lockChangeableForDays: attr(rec, 'changeable_for_days', { map: asNumber }),
  };
  return r;
};

/** Lifecycle day counts: 0 or unset means "never" (the provider stores 0 for an unset day count). */
function days(raw: unknown): unknown {
  if (isUnknown(raw)) return raw;
  const n = asNumber(raw);
  return n === undefined || n === 0 ? undefined : n;
}

function lifecycle(block: unknown): { deleteAfter?: unknown; coldStorageAfter?: unknown } {
  if (isUnknown(block)) return { deleteAfter: UNKNOWN, coldStorageAfter: UNKNOWN };
  const lc = Array.isArray(block) ? block[0] : block;
  if (isUnknown(lc)) return { deleteAfter: UNKNOWN, coldStorageAfter: UNKNOWN };
  if (!lc || typeof lc !== 'object') return {};
  const o = lc as Record<string, unknown>;
  return { deleteAfter: days(o.delete_after), coldStorageAfter: days(o.cold_storage_after) };
}

function strings(list: unknown[], key: string): string[] {
  return list.flatMap((x) => (x && typeof x === 'object' && !isUnknown(x) && typeof (x as Record<string, unknown>)[key] === 'string' ? [(x as Record<string, string>)[key]!] : []));
}

function manyRef(rec: TfRecord, name: string, path: string, literals: string[], inverse?: string): LinkRef {
  return { name, kinds: ['aws.backup.vault'], addresses: rec.references[path] ?? [], literals, loc: locOf(rec, path), ...(inverse ? { inverse } : {}) };
}

const plan: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.backup.plan', [rec.values.name]);
  const rulesRaw = attr<unknown>(rec, 'rule', { default: [] });
  let rules = rulesRaw as { value: unknown; origin: 'explicit' | 'default' | 'unknown'; loc?: typeof r.loc };
  const copyArns: string[] = [];
  const vaultNames: string[] = [];
  if (rulesRaw.origin !== 'unknown' && Array.isArray(rulesRaw.value)) {
    const list = rulesRaw.value as unknown[];
    pushAll(vaultNames, strings(list, 'target_vault_name'));
    const mapped = list.map((rule, i) => {
      if (isUnknown(rule) || !rule || typeof rule !== 'object') return UNKNOWN;
      const o = rule as Record<string, unknown>;
      const copies = Array.isArray(o.copy_action) ? o.copy_action : isUnknown(o.copy_action) ? [UNKNOWN] : [];
      pushAll(copyArns, strings(copies, 'destination_vault_arn'));
      return {
        ruleName: o.rule_name,
        targetVaultName: o.target_vault_name,
        schedule: o.schedule ?? undefined,
        ...lifecycle(o.lifecycle),
        copyActions: copies.map((c) =>
          isUnknown(c) || !c || typeof c !== 'object' ? UNKNOWN : { destinationVaultArn: (c as Record<string, unknown>).destination_vault_arn, ...lifecycle((c as Record<string, unknown>).lifecycle) },
        ),
        _loc: locOf(rec, `rule.${i}`),
      };
    });
    rules = { ...rulesRaw, value: mapped };
  }
  r.attrs = { name: attr<string>(rec, 'name'), rules: rules as never, ...tagAttrs(rec) };
  r.linkRefs!.push(manyRef(rec, 'vault', 'rule.target_vault_name', vaultNames, 'plans'));
  r.linkRefs!.push(manyRef(rec, 'copyVaults', 'rule.copy_action.destination_vault_arn', copyArns));
  return r;
};

const CONDITION_OPS: Record<string, string> = { string_equals: 'equals', string_like: 'like', string_not_equals: 'notEquals', string_not_like: 'notLike' };

/** `condition { string_equals { key = "aws:ResourceTag/X", value = "y" } }` blocks, flattened to { op, key, value }. */
function selectionConditions(raw: unknown): unknown[] {
  const out: unknown[] = [];
  for (const block of Array.isArray(raw) ? raw : []) {
    if (!block || typeof block !== 'object') continue;
    for (const [name, op] of Object.entries(CONDITION_OPS)) {
      const entries = (block as Record<string, unknown>)[name];
      for (const e of Array.isArray(entries) ? entries : []) {
        const { key, value } = (e ?? {}) as { key?: unknown; value?: unknown };
        out.push({ op, key: typeof key === 'string' ? key.replace(/^aws:ResourceTag\//, '') : key, value });
      }
    }
  }
  return out;
}

const selection: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.backup.selection');
  r.attrs = {
    name: attr<string>(rec, 'name'),
    resources: computedAttr<unknown[]>(rec, 'resources', { default: [] }),
    selectionTags: computedAttr<unknown[]>(rec, 'selection_tag', { default: [] }),
    conditions: computedAttr<unknown[]>(rec, 'condition', { default: [], map: selectionConditions }),
    notResources: computedAttr<unknown[]>(rec, 'not_resources', { default: [] }),
    iamRoleArn: attr<string>(rec, 'iam_role_arn'),
  };
  r.linkRefs!.push(linkRef(rec, 'plan', 'plan_id', ['aws.backup.plan'], { inverse: 'selections' }));
  r.linkRefs!.push(linkRef(rec, 'resources', 'resources', [...BACKUP_PROTECTED_KINDS]));
  return r;
};

/**
 * aws_backup_region_settings: the region's resource-type opt-in, a facet of the synthetic account. Values are
 * kept per type (true, false, or unknown after apply); a type the map does not list keeps whatever state the
 * account has, which the configuration does not say.
 */
const regionSettings: TfAdapter = (rec) => {
  const r = accountFacet(rec);
  const optIn = computedAttr(rec, 'resource_type_opt_in_preference', { map: (raw) => optInMap(rec, raw) });
  r.attrs = {};
  // A configuration with a provider per region has one per region, each kept with its region.
  appendRegionalEntry(r, rec, 'backupRegionSettings', { optIn: optIn.origin === 'unknown' ? UNKNOWN : optIn.value }, optIn.loc);
  return r;
};

/**
 * The opt-in map, each value true, false or unknown after apply. A shape the provider's schema refuses (a list,
 * a value that is not a boolean) is the input's fault: one line with its place, exit 2, never read as "unset",
 * which would leave the types protected since launch on.
 */
function optInMap(rec: TfRecord, raw: unknown): unknown {
  if (raw === null || raw === undefined || isUnknown(raw)) return raw ?? undefined;
  const misshapen = (what: string) => {
    const loc = locOf(rec, 'resource_type_opt_in_preference');
    const where = loc.file ? `${loc.file}${loc.line ? `:${loc.line}` : ''}` : rec.input;
    return new InputError(`${rec.address}: resource_type_opt_in_preference ${what}, not in the shape the provider's schema allows (a map of resource type to true or false)`, where);
  };
  if (typeof raw !== 'object' || Array.isArray(raw)) throw misshapen(`is ${Array.isArray(raw) ? 'a list' : `a ${typeof raw}`}`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const b = isUnknown(v) ? v : asBool(v);
    if (b === undefined) throw misshapen(`sets ${k} to ${JSON.stringify(v)?.slice(0, 40)}`);
    out[k] = b;
  }
  return out;
}

/** Terraform resource type -> adapter. */
export const backupAdapters: Record<string, TfAdapter> = {
  aws_backup_vault: vault,
  aws_backup_vault_lock_configuration: vaultLock,
  aws_backup_plan: plan,
  aws_backup_selection: selection,
  aws_backup_region_settings: regionSettings,
  // variants slice (issue 14, wave 4)
  aws_backup_logically_air_gapped_vault: airGappedVault,
};
