/** The parameter group attached to an RDS database and its parameters, shared by the RDS code checks. */
import type { CheckMessage } from '../../engine/code-check.js';
import type { Model } from '../../model/model.js';
import type { Resource } from '../../model/resource.js';
import type { KindResource } from '../../model/typed.js';
import { isUnknown, type Location, type Val } from '../../model/value.js';

export type RdsDatabase = KindResource<'aws.rds.instance' | 'aws.rds.cluster'>;

/** A database of the RDS API whose parameter group can be looked up: RDS instances and clusters, DocumentDB and Neptune clusters. */
export type ParamHolder = RdsDatabase | KindResource<'aws.docdb.cluster' | 'aws.neptune.cluster'>;

/** The messages `lookupParam` gives for a parameter it cannot know: a check using it lists these among its own. */
export const PARAM_MESSAGES = {
  paramsUnknown: 'parameters of {group} are known only after apply',
  paramUnknown: '{param} in {group} is known only after apply',
  groupUnknown: 'the attached parameter group is not known from this input',
  groupNotInInput: 'parameter group {group} is not in this input',
  namedGroupNotInInput: 'parameter group "{group}" is not in this input',
} as const;

/** What one parameter is for a DB instance or cluster, after following the attached group. */
export interface ParamLookup {
  /**
   * 'set': written in an attached group in this input; 'default': the engine default applies;
   * 'unknown': cannot tell (`reason` says why); 'error': the attached group's parameters could not be
   * read (live; `error` says why).
   */
  state: 'set' | 'default' | 'unknown' | 'error';
  value?: string;
  /** Group the value came from (address or name), or the default group name. */
  group?: string;
  /** Family or engine version used to decide a default. */
  family?: string;
  loc?: Location;
  reason?: CheckMessage<typeof PARAM_MESSAGES>;
  error?: string;
}

/**
 * The group attached where the engine reads these parameters: a cluster's cluster parameter group, an
 * instance's DB parameter group.
 */
export function attachedGroupLink(r: ParamHolder): 'clusterParameterGroup' | 'parameterGroup' {
  return r.kind === 'aws.rds.instance' ? 'parameterGroup' : 'clusterParameterGroup';
}

/**
 * Look up `param` in the attached group (`attachedGroupLink`). A group not in this input is unknown
 * unless its name is an AWS default group (`default.<family>`), whose values are the engine defaults. A
 * group in the input that does not set the parameter inherits the default.
 */
export function lookupParam(r: ParamHolder, model: Model, param: string): ParamLookup {
  const link = attachedGroupLink(r);
  const targets = model.linked(r as unknown as Resource, link);
  const nameVal = r.kind === 'aws.rds.instance' ? r.attrs.parameterGroupName : r.attrs.clusterParameterGroupName;
  if (targets.length > 0) {
    const g = targets[0]!;
    const params = g.attrs.parameters;
    const family = stringOf(g.attrs.family);
    const group = g.address ?? g.id;
    if (g.readError) return { state: 'error', group, loc: g.loc, error: `parameter group ${group} could not be read: ${g.readError}` };
    if (params?.error) return { state: 'error', group, loc: params.loc ?? g.loc, error: `parameters of ${group} could not be read: ${params.error}` };
    if (!params || params.origin === 'unknown' || isUnknown(params.value)) return { state: 'unknown', group, loc: params?.loc ?? g.loc, reason: { id: 'paramsUnknown', data: { group } } };
    const map = (params.value ?? {}) as Record<string, unknown>;
    const v = map[param];
    if (isUnknown(v)) return { state: 'unknown', group, loc: params.loc, reason: { id: 'paramUnknown', data: { param, group } } };
    if (v !== undefined && v !== null) return { state: 'set', value: String(v), group, family, loc: params.loc };
    return { state: 'default', group, family, loc: g.loc };
  }
  const ref = r.linkRefs?.find((l) => l.name === link);
  if (!nameVal || nameVal.origin === 'unknown') {
    if (nameVal?.origin === 'unknown' || (ref?.addresses?.length ?? 0) > 0) return { state: 'unknown', loc: nameVal?.loc ?? ref?.loc, reason: { id: 'groupUnknown' } };
  }
  const name = stringOf(nameVal);
  if ((ref?.addresses?.length ?? 0) > 0) return { state: 'unknown', loc: ref?.loc, reason: { id: 'groupNotInInput', data: { group: ref!.addresses!.join(', ') } } };
  if (name === undefined || name === '' || name.startsWith('default.')) {
    return { state: 'default', group: name ?? 'engine default group', family: name?.slice('default.'.length), loc: nameVal?.loc ?? r.loc };
  }
  return { state: 'unknown', group: name, loc: nameVal?.loc, reason: { id: 'namedGroupNotInInput', data: { group: name } } };
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

/** The value of an attribute when it is a string. */
export function stringOf(v: Val | undefined): string | undefined {
  const value = v?.value;
  return typeof value === 'string' ? value : undefined;
}

export function isOn(v: string | undefined): boolean {
  return v !== undefined && ['1', 'on', 'true', 'yes'].includes(v.trim().toLowerCase());
}
