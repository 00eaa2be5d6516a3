/** Where a value was decided: written in the source, filled by a provider/API default, or not knowable here. */
export type Origin = 'explicit' | 'default' | 'unknown';

/** Where a value (or the resource holding it) lives, for findings and SARIF regions. */
export interface Location {
  /** File relative to the scanned directory (HCL) or the input file (plan, snapshot). */
  file?: string;
  line?: number;
  column?: number;
  /** Terraform address or ARN of the resource the value came from (may differ from the finding's resource after a merge). */
  address?: string;
  /** Attribute path inside the source record, e.g. `ingress[0].cidr_blocks`. */
  attribute?: string;
}

/** Marker for a value that is unknown inside a nested structure (plan `after_unknown`, an unresolved expression). */
export class UnknownValue {
  readonly unknown = true;
  constructor(readonly reason?: string) {}
  toJSON(): string {
    return '(known after apply)';
  }
}
export const UNKNOWN = new UnknownValue();
export function isUnknown(v: unknown): v is UnknownValue {
  return v instanceof UnknownValue;
}

/**
 * JSON text known only after apply whose structure is partly known now (HCL `jsonencode` of an object
 * holding an unknown, a heredoc policy with an unknown interpolation). Everything treats it as unknown;
 * readers of policy documents judge the known statements in `partial` (plain data, UnknownValue where unknown).
 */
export class UnknownJson extends UnknownValue {
  constructor(readonly partial: unknown) {
    super('json known only after apply');
  }
}
export function isUnknownJson(v: unknown): v is UnknownJson {
  return v instanceof UnknownJson;
}

/** Marker that replaces a sensitive value at parse time: the secret itself never enters the model. */
export class SensitiveValue {
  readonly sensitive = true;
  /** Whether a non-null value was present (a password is set) without keeping the value. */
  constructor(readonly present: boolean) {}
  toJSON(): string {
    return '(sensitive)';
  }
}
export function isSensitive(v: unknown): v is SensitiveValue {
  return v instanceof SensitiveValue;
}

/** One model attribute with its provenance. `value` may hold nested plain data with UnknownValue/SensitiveValue markers. */
export interface Val<T = unknown> {
  value: T | undefined;
  origin: Origin;
  loc?: Location;
  /** Set when the value could not be read (live: AccessDenied, throttled, timeout, not implemented). */
  error?: string;
}

export function known<T>(value: T, loc?: Location): Val<T> {
  return { value, origin: 'explicit', loc };
}
export function defaulted<T>(value: T, loc?: Location): Val<T> {
  return { value, origin: 'default', loc };
}
export function unknownVal(loc?: Location): Val<never> {
  return { value: undefined, origin: 'unknown', loc };
}
export function errorVal(error: string, loc?: Location): Val<never> {
  return { value: undefined, origin: 'unknown', loc, error };
}
