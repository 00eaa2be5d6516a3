import { isUnknown, type Location, type Val } from '../../../model/value.js';
import type { TfRecord } from '../../../sources/terraform/record.js';
import { indexFree, locOf, rawAt } from './record.js';

// The words configured, computed and default are defined in ./index.ts.

/**
 * Whether the input configures the argument at `path`: true or false, or undefined when the source
 * cannot say (it lists no configured paths). The sources list a block as configured with anything
 * written inside it, so this also answers for a block (`versioning`, `ingress`).
 */
export function isConfigured(rec: TfRecord, path: string): boolean | undefined {
  if (!rec.configured) return undefined;
  return rec.configured.has(indexFree(path)) || rec.configured.has(path);
}

export interface AttrOptions<T> {
  /** The default: what the provider or API uses when the argument is absent or null (origin `default`). */
  default?: T;
  /** Convert the raw value (not called for a computed one). */
  map?: (raw: unknown) => T | undefined;
}

/**
 * A model value for a Terraform argument. Computed stays unknown (origin `unknown`); absent takes the
 * default (origin `default`); present is `explicit` when configured, and `default` when the source says
 * it is not configured (a plan shows the provider's default there).
 */
export function attr<T = unknown>(rec: TfRecord, path: string, opts: AttrOptions<T> = {}): Val<T> {
  const raw = rawAt(rec.values, path);
  const loc = locOf(rec, path);
  if (isUnknown(raw)) return { value: undefined, origin: 'unknown', loc };
  if (raw === undefined || raw === null) {
    return { value: opts.default, origin: 'default', loc };
  }
  const value = opts.map ? opts.map(raw) : (raw as T);
  return { value, origin: isConfigured(rec, path) === false ? 'default' : 'explicit', loc };
}

export interface ComputedAttrOptions<T> extends AttrOptions<T> {
  /**
   * The argument or block whose being configured decides (default: `path` itself). A provider v4+
   * inline block of aws_s3_bucket is computed as a whole: an unconfigured block means every value in it
   * is the default.
   */
  configuredAt?: string;
}

/**
 * `attr` for an argument the provider marks Optional+Computed: a plan shows it computed when the input
 * does not configure it, and AWS then applies its default, so the default is the honest value (origin
 * `default`), as the HCL source reports it too. Computed stays unknown when the argument is configured
 * (its value depends on something known only after apply) or when the source cannot say.
 */
export function computedAttr<T>(rec: TfRecord, path: string, opts: ComputedAttrOptions<T> = {}): Val<T> {
  const v = attr<T>(rec, path, opts);
  if (v.origin === 'unknown' && isConfigured(rec, opts.configuredAt ?? path) === false) return { value: opts.default, origin: 'default', loc: v.loc };
  return v;
}

/** A value the adapter derives from other attributes (keeps the most uncertain origin). */
export function derived<T>(value: T | undefined, from: Val[], loc?: Location): Val<T> {
  if (from.some((v) => v.origin === 'unknown')) return { value: undefined, origin: 'unknown', loc: loc ?? from[0]?.loc };
  return { value, origin: from.some((v) => v.origin === 'explicit') ? 'explicit' : 'default', loc: loc ?? from.find((v) => v.origin === 'explicit')?.loc ?? from[0]?.loc };
}

export { asBool, asNumber } from '../../../util/coerce.js';
