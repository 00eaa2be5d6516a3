import type { Location } from '../../model/value.js';

/**
 * One Terraform resource instance as both the plan source and the HCL source produce it. The shared
 * Terraform adapters turn these into model resources, so both sources reach the same model.
 *
 * `values` are attribute values as Terraform's JSON would show them (nested blocks as arrays of
 * objects), with `UnknownValue` where a value is known only after apply and `SensitiveValue` where it
 * is sensitive (the secret is dropped at parse time).
 */
export interface TfRecord {
  /** Full address, as Terraform prints it: `module.db.aws_db_instance.main[0]`, `aws_subnet.private["a"]`. */
  address: string;
  /** `provider`: a provider configuration block (`provider.aws`, `module.x.provider.aws.west`), read only for literal credentials. */
  mode: 'managed' | 'data' | 'provider';
  type: string;
  name: string;
  /** Module path without the resource: `module.db` or `module.a["x"].module.b`, '' for root. */
  modulePath: string;
  /** count or for_each key, if any. */
  index?: string | number;
  values: Record<string, unknown>;
  /**
   * Terraform addresses an attribute's expression references, keyed by attribute path
   * (`vpc_id`, `ingress.security_groups`, `rule.apply_server_side_encryption_by_default.kms_master_key_id`).
   * Addresses are absolute (module path included) and point at resources, without the attribute
   * (`module.net.aws_vpc.main`, instance key present only when the expression names one).
   */
  references: Record<string, string[]>;
  /** Attribute paths written in the configuration (explicit origin); absent paths are provider defaults. */
  configured?: Set<string>;
  /**
   * Plan only: constant values written in the configuration, by attribute path without indices. A
   * provider may plan a value other than the one written (aws_instance plans user_data as its hash).
   */
  literals?: Record<string, unknown>;
  /** Plan actions (`create`, `update`, `no-op`, `read`, ...); absent for HCL. */
  actions?: string[];
  /** Location of the block. */
  loc: Location;
  /** Location per attribute path (HCL: file/line of the attribute). */
  attrLocs?: Record<string, Location>;
  /** Provider region when known (provider config or alias). */
  region?: string;
  /** Input file the record was read from. */
  input: string;
  /** Which source produced the record. */
  source: 'hcl' | 'plan';
  /**
   * Plan only: Terraform deferred the resource (the reason it gives, such as instance_count_unknown): its
   * values are partial, so every attribute the plan does not show is unknown, never a provider default.
   */
  deferred?: string;
  /**
   * Plan only: the plan forgets the resource (a `removed` block with `destroy = false`): Terraform stops
   * managing it and it stays in the account. Its values are the prior state's; it is accounted for in
   * coverage, never judged as part of the planned stack, and never left out silently.
   */
  forgotten?: true;
}

/** What a Terraform source yields: records plus notes worth telling the user once (opaque modules, ...). */
export interface TfSourceResult {
  records: TfRecord[];
  /** Provider configuration blocks (mode `provider`): judged for credentials written in them, nothing else. */
  providers?: TfRecord[];
  notes: string[];
  /** Things the user must see (files skipped because they could not be read as files); shown as warnings. */
  warnings?: string[];
  /** Module addresses whose source could not be read (not downloaded, not found): their resources are missing. */
  opaqueModules?: string[];
  /** HCL: the module calls behind opaqueModules, where they are written (coverage stands one in for what each creates). */
  unreadModules?: Array<{ address: string; source: string; why: 'not downloaded' | 'not found'; file: string; line: number }>;
  /** Known provider region per provider config key (`aws`, `aws.west`), when literal. */
  regions?: Record<string, string>;
  /** Inline `ferpa-ready:ignore` comments (HCL source), attached to the resource they precede or sit in. */
  suppressions?: Array<{ policy: string; address: string; reason?: string; owner?: string; expires?: string; file: string; line: number }>;
}
