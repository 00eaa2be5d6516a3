import type { Resource, SourceKind } from '../model/resource.js';
import type { Val } from '../model/value.js';

/**
 * One resource of an input as it was read, whether or not the model knows its type: what coverage
 * accounts for (checks/pipeline/coverage.ts). Terraform data sources are reads, not resources of the
 * input, and are not listed.
 */
export interface InventoryEntry {
  /** Terraform resource type or live (CloudFormation-style) type. */
  type: string;
  /** Terraform address (hcl, plan); null for live. */
  address: string | null;
  /** ARN (live; Terraform when the plan knows it). */
  arn: string | null;
  file: string | null;
  line: number | null;
  source: SourceKind;
  account?: string;
  region?: string;
  /** An adapter exists for the type. */
  modelled: boolean;
  /** The model resources (facets included) the adapter made from it. */
  resources: Resource[];
  /** Tags as read, for a type the model does not know (its classification is still judged). */
  tags?: Val;
  /**
   * Why resources of this type could not be listed (live): the entry stands in for whatever the failed
   * list would have returned, so a data store of a type the model does not know is an `error`, not unseen.
   */
  readError?: string;
  /** Plan: the plan forgets it (TfRecord.forgotten): it stays in the account, and nothing here judges it. */
  forgotten?: true;
  /**
   * HCL: the entry stands in for whatever a module call creates whose source could not be read (not downloaded,
   * not found): type `module`, a data store of unknown category until the module is read.
   */
  unreadModule?: { source: string; why: string };
}

/** Model resources plus the inventory of every input resource they came from. */
export interface Adapted {
  resources: Resource[];
  inventory: InventoryEntry[];
}
