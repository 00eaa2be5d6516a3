import type { Category, Severity } from './types.js';
import type { SourceKind } from '../model/resource.js';

/** An operand: a literal, or a value from the parameter profile. */
export type Operand = unknown | { param: string };

/** The declarative assertion vocabulary (policies/schema/policy.schema.json is its JSON Schema). */
export type Cond =
  | { all: Cond[] }
  | { any: Cond[] }
  | { not: Cond }
  | { every: string; where?: Cond; assert: Cond }
  | { some: string; where?: Cond; assert: Cond }
  | { none: string; where?: Cond; assert?: Cond }
  | { check: string; options?: Record<string, unknown> }
  | PathCond;

export interface PathCond {
  path: string;
  equals?: Operand;
  notEquals?: Operand;
  in?: Operand;
  notIn?: Operand;
  exists?: boolean;
  gte?: Operand;
  lte?: Operand;
  gt?: Operand;
  lt?: Operand;
  matches?: string;
  notMatches?: string;
  contains?: Operand;
  notContains?: Operand;
  /** What an absent value (null or not set, after defaults) counts as for this comparison. */
  ifAbsent?: 'true' | 'false';
}

export type OnUnknown = 'fail' | 'unknown' | 'pass';

export interface Policy {
  id: string;
  title: string;
  severity: Severity;
  category: Category;
  /** Model kind the policy applies to. */
  resource: string;
  sources: SourceKind[];
  description: string;
  rationale: string;
  remediation: { terraform?: string; cli?: string; console?: string };
  references: string[];
  /** Applicability: resources for which this is false get no finding. */
  where?: Cond;
  rule: { assert: Cond; onUnknown?: OnUnknown };
  /** Message templates; `{address}`, `{title}` and `{detail}` (the code check's sentence, else the deciding values) are filled in. */
  messages?: { fail?: string; pass?: string; unknown?: string };
  /** Model attributes whose failed reads make this policy an `error` (live); derived from paths when absent. */
  tags?: string[];
  /** An unknown verdict gates the exit status like a fail at this severity (the finding stays unknown). */
  gateUnknown?: boolean;
  /** Filled at load: the file the policy came from and the FERPA controls that map to it. */
  file?: string;
  controls?: string[];
  /** Filled at load: the controls of every framework that maps to it, by framework id. */
  frameworkControls?: Record<string, string[]>;
}
