/**
 * Loose shapes of `terraform show -json` plan output, only the parts this source reads. Every field is
 * optional: format versions 0.1 to 1.x differ, and the reader checks shapes as it goes.
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

/** A resource in `planned_values` or `prior_state.values`. */
export interface PlanResource {
  address?: string;
  mode?: string;
  type?: string;
  name?: string;
  index?: string | number;
  provider_name?: string;
  values?: JsonObject | null;
  sensitive_values?: Json;
}

export interface PlanModule {
  address?: string;
  resources?: PlanResource[];
  child_modules?: PlanModule[];
}

export interface PlanChange {
  actions?: string[];
  before?: Json;
  before_sensitive?: Json;
  after?: Json;
  after_unknown?: Json;
  after_sensitive?: Json;
}

export interface ResourceChange extends PlanResource {
  module_address?: string;
  deposed?: string;
  change?: PlanChange;
}

/** A configuration expression: constant, references, or neither (a function call without references). */
export interface ConfigExpression {
  constant_value?: Json;
  references?: string[];
}

export interface ConfigResource {
  address?: string;
  mode?: string;
  type?: string;
  name?: string;
  provider_config_key?: string;
  expressions?: JsonObject;
}

export interface ConfigModule {
  resources?: ConfigResource[];
  module_calls?: Record<string, ModuleCall>;
  outputs?: Record<string, { expression?: ConfigExpression }>;
}

export interface ModuleCall {
  source?: string;
  expressions?: Record<string, Json>;
  module?: ConfigModule;
}

export interface ProviderConfig {
  name?: string;
  alias?: string;
  module_address?: string;
  expressions?: JsonObject;
}

export interface PlanDocument {
  format_version?: string;
  terraform_version?: string;
  variables?: Record<string, { value?: Json }>;
  planned_values?: { root_module?: PlanModule };
  resource_changes?: ResourceChange[];
  /** Resources Terraform could not plan yet (`-allow-deferral`): their changes are partial. */
  deferred_changes?: Array<{ reason?: string; resource_change?: ResourceChange }>;
  prior_state?: { values?: { root_module?: PlanModule } };
  configuration?: {
    provider_config?: Record<string, ProviderConfig>;
    root_module?: ConfigModule;
  };
  errored?: boolean;
  complete?: boolean;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
