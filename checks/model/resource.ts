import type { Location, Val } from './value.js';

/** The source a resource was read from. */
export type SourceKind = 'hcl' | 'plan' | 'live' | 'app';

/**
 * A typed resource in the model. Kinds are dotted (`aws.rds.instance`); attribute names are camelCase
 * and the same whatever the source, so one policy reads HCL, plan and live alike.
 */
export interface Resource {
  kind: string;
  /** Unique within a model: the Terraform address (hcl, plan) or the ARN (live). */
  id: string;
  source: SourceKind;
  address?: string;
  arn?: string | null;
  /** Terraform resource type or live API type this came from (`aws_db_instance`, `AWS::RDS::DBInstance`). */
  sourceType?: string;
  /** The block or record location; attribute locations are on each Val. */
  loc: Location;
  account?: string;
  region?: string;
  /** Plan actions for this resource (`create`, `update`, `no-op`, ...). */
  actions?: string[];
  attrs: Record<string, Val>;
  /** Resolved links: link name -> ids of target resources in the same model. Filled by the linker. */
  links: Record<string, string[]>;
  /** Literal identifiers other resources may use to refer to this one (id, arn, name). */
  identifiers: string[];
  /** Link requests, resolved by the linker into `links`. */
  linkRefs?: LinkRef[];
  /** When set, this resource is a facet (e.g. `aws_s3_bucket_versioning`): the linker merges its attrs into the target and drops it. */
  mergeInto?: string;
  /** Facet attrs whose array value is appended to the target's array instead of replacing it (security-group rule resources). */
  appendAttrs?: string[];
  /** Set by the linker: the resource a facet was merged into (through another facet, when its target is one). */
  mergedInto?: string;
  /** Keep a facet as a resource of its own when its target is not in the model (a rule on a group managed elsewhere). */
  keepUnmerged?: boolean;
  /**
   * A type that cannot carry tags names the link to its container (a Glue table's database): without a
   * classification of its own it takes the container's (checks/adapters/inherit-classification.ts).
   */
  classifiedBy?: string;
  /** Input file the resource came from. */
  input?: string;
  /**
   * Live: the resource could not be read at all (its list call failed: AccessDenied, throttled past
   * retries, ...). Every policy over it is an `error` finding with this message, never a verdict.
   */
  readError?: string;
}

/** A request to link this resource to others, by Terraform reference and/or literal identifier. */
export interface LinkRef {
  /** Link name on this resource (e.g. `kmsKey`). */
  name: string;
  /** Target kinds acceptable for this link. */
  kinds: string[];
  /** Terraform addresses referenced by the expression (instance keys optional: `aws_kms_key.a` matches `aws_kms_key.a[0]`). */
  addresses?: string[];
  /** Literal values (ids, ARNs, names) to match against target identifiers. */
  literals?: string[];
  /** If set, the target gets a back-link with this name pointing here (e.g. a flow log links VPC `flowLogs`). */
  inverse?: string;
  /** Where the referring attribute lives. */
  loc?: Location;
}
