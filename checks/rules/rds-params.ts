// Shared helper for the RDS parameter-group code checks (not a check itself).
import type { Resource } from '../model/resource.js';
import { isUnknown, type Location } from '../model/value.js';
import type { Model } from '../model/model.js';

/** What one parameter is for a DB instance or cluster, after following the attached group. */
export interface ParamLookup {
  /**
   * 'set': written in an attached group in this input; 'default': the engine default applies;
   * 'unknown': cannot tell; 'error': the attached group's parameters could not be read (live).
   */
  state: 'set' | 'default' | 'unknown' | 'error';
  value?: string;
  /** Group the value came from (address or name), or the default group name. */
  group?: string;
  /** Family or engine version used to decide a default. */
  family?: string;
  loc?: Location;
  why?: string;
}

/**
 * Look up `param` in the group linked as `link` (parameterGroup / clusterParameterGroup). A group not
 * in this input is unknown unless its name is an AWS default group (`default.<family>`), whose values
 * are the engine defaults. A group in the input that does not set the parameter inherits the default.
 */
export function lookupParam(r: Resource, model: Model, link: string, nameAttr: string, param: string): ParamLookup {
  const targets = model.linked(r, link);
  const nameVal = r.attrs[nameAttr];
  if (targets.length > 0) {
    const g = targets[0]!;
    const params = g.attrs.parameters;
    const family = typeof g.attrs.family?.value === 'string' ? (g.attrs.family.value as string) : undefined;
    const group = g.address ?? g.id;
    if (g.readError) return { state: 'error', group, loc: g.loc, why: `parameter group ${group} could not be read: ${g.readError}` };
    if (params?.error) return { state: 'error', group, loc: params.loc ?? g.loc, why: `parameters of ${group} could not be read: ${params.error}` };
    if (!params || params.origin === 'unknown' || isUnknown(params.value)) return { state: 'unknown', group, loc: params?.loc ?? g.loc, why: `parameters of ${group} are known only after apply` };
    const map = (params.value ?? {}) as Record<string, unknown>;
    const v = map[param];
    if (isUnknown(v)) return { state: 'unknown', group, loc: params.loc, why: `${param} in ${group} is known only after apply` };
    if (v !== undefined && v !== null) return { state: 'set', value: String(v), group, family, loc: params.loc };
    return { state: 'default', group, family, loc: g.loc };
  }
  const ref = r.linkRefs?.find((l) => l.name === link);
  if (!nameVal || nameVal.origin === 'unknown') {
    if (nameVal?.origin === 'unknown' || (ref?.addresses?.length ?? 0) > 0) return { state: 'unknown', loc: nameVal?.loc ?? ref?.loc, why: `the attached parameter group is not known from this input` };
  }
  const name = typeof nameVal?.value === 'string' ? (nameVal.value as string) : undefined;
  if ((ref?.addresses?.length ?? 0) > 0) return { state: 'unknown', loc: ref?.loc, why: `parameter group ${ref!.addresses!.join(', ')} is not in this input` };
  if (name === undefined || name === '' || name.startsWith('default.')) {
    return { state: 'default', group: name ?? 'engine default group', family: name?.slice('default.'.length), loc: nameVal?.loc ?? r.loc };
  }
  return { state: 'unknown', group: name, loc: nameVal?.loc, why: `parameter group "${name}" is not in this input` };
}

/** Major version as a number (e.g. "15.4" -> 15, "8.0.35" -> 8.0 kept as 8), from a family or version string. */
export function majorOf(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const m = /(\d+)(?:\.(\d+))?/.exec(s);
  if (!m) return undefined;
  return Number(m[1]);
}

export function minorOf(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const m = /(\d+)\.(\d+)/.exec(s);
  return m ? Number(m[2]) : undefined;
}

export function str(r: Resource, name: string): string | undefined {
  const v = r.attrs[name]?.value;
  return typeof v === 'string' ? v : undefined;
}

export function isOn(v: string | undefined): boolean {
  return v !== undefined && ['1', 'on', 'true', 'yes'].includes(v.trim().toLowerCase());
}
