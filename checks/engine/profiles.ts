import { readFileSync } from 'node:fs';
import { packagePath } from '../util/package-root.js';
import { InputError } from '../errors.js';
import type { Framework } from './frameworks.js';
import type { Profile } from './types.js';

/**
 * Parameter profiles per framework, and how the profiles of several frameworks judged in one scan
 * merge. Every parameter declares in config.schema.json how it bounds (`x-bound`): a floor merges to
 * the largest value, a ceiling to the smallest, an allow-list to the entries all lists share. A
 * ceiling that `x-caps` a floor (dispositionDays caps backupMinDays: backups of student data must be
 * gone within the disposition window) conflicts when it ends below that floor; so does an allow-list
 * left empty. Conflicts are reported, never merged away.
 */
export type Bound = 'floor' | 'ceiling' | 'allow-list' | 'setting';

export interface ParamSpec {
  bound: Bound;
  /** Floors this ceiling bounds. */
  caps: string[];
}

/** Where a parameter's value in force came from. */
export interface ParamOrigin {
  framework: string;
  /** `framework`: the framework's profile file fixes it; `config`: .ferpa-ready.yaml; `default`: ferpa-ready's default profile, for a parameter the framework leaves to the organisation. */
  source: 'framework' | 'config' | 'default';
}

export interface FrameworkProfile {
  framework: string;
  values: Record<string, unknown>;
  origins: Record<string, ParamOrigin>;
}

export interface ProfileConflict {
  param: string;
  value: unknown;
  origin: ParamOrigin;
  /** The floor a ceiling ends below; absent when an allow-list merged to nothing. */
  against?: { param: string; value: unknown; origin: ParamOrigin };
  message: string;
}

export interface MergedProfile {
  profile: Profile;
  origins: Record<string, ParamOrigin>;
  conflicts: ProfileConflict[];
}

let specs: Record<string, ParamSpec> | undefined;

/** The bound of every profile parameter, from config.schema.json (`x-bound`, `x-caps`). */
export function parameterSpecs(): Record<string, ParamSpec> {
  if (specs) return specs;
  const schema = JSON.parse(readFileSync(packagePath('policies/schema/config.schema.json'), 'utf8')) as {
    definitions: { profile: { properties: Record<string, { 'x-bound'?: Bound; 'x-caps'?: string[] }> } };
  };
  const out: Record<string, ParamSpec> = {};
  for (const [name, p] of Object.entries(schema.definitions.profile.properties)) {
    if (!p['x-bound']) throw new Error(`config.schema.json: profile parameter ${name} has no x-bound`);
    out[name] = { bound: p['x-bound'], caps: p['x-caps'] ?? [] };
  }
  return (specs = out);
}

const SOURCE_RANK: Record<ParamOrigin['source'], number> = { framework: 0, config: 1, default: 2 };

/** Human form of an origin: `fedramp-moderate` or `ferpa, .ferpa-ready.yaml`. */
export function describeOrigin(o: ParamOrigin): string {
  return o.source === 'framework' ? o.framework : o.source === 'config' ? `${o.framework}, set in the configuration` : `${o.framework}, ferpa-ready default`;
}

function show(v: unknown): string {
  return Array.isArray(v) ? `[${v.join(', ')}]` : String(v);
}

/** Is `value` at least as strict as `fixed` for a parameter of this bound? */
function atLeastAsStrict(bound: Bound, value: unknown, fixed: unknown): boolean {
  if (bound === 'floor') return Number(value) >= Number(fixed);
  if (bound === 'ceiling') return Number(value) <= Number(fixed);
  if (bound === 'setting') return JSON.stringify(value) === JSON.stringify(fixed);
  const allowed = new Set(fixed as unknown[]);
  return (value as unknown[]).every((v) => allowed.has(v));
}

export interface ProfileInputs {
  /** ferpa-ready's default profile (policies/profile.default.yaml): every parameter has a value. */
  defaults: Profile;
  /** `profile:` of the configuration file: the DPA's values (FERPA) and the organisation's for parameters other frameworks leave open. */
  configProfile: Partial<Profile>;
  /** `frameworkProfiles:` of the configuration file, by framework id. */
  frameworkProfiles: Record<string, Partial<Profile>>;
  /** Shown in error messages for configuration values. */
  configFile?: string;
}

/**
 * The profile a framework judges with. FERPA's is the default profile (its profile file) with the
 * DPA's values from the configuration, which may loosen it (a DPA may agree a different window).
 * Another framework's: the default profile and the configuration's values for the parameters it
 * leaves to the organisation, what its own profile fixes over them, and the configuration's
 * `frameworkProfiles.<id>`, which may only tighten what the framework fixes.
 */
export function frameworkProfile(fw: Framework, inputs: ProfileInputs, defaultFramework: string): FrameworkProfile {
  const values: Record<string, unknown> = {};
  const origins: Record<string, ParamOrigin> = {};
  const set = (k: string, v: unknown, source: ParamOrigin['source']) => {
    values[k] = v;
    origins[k] = { framework: fw.framework, source };
  };
  const own = fw.profile ?? {};
  if (fw.framework === defaultFramework) {
    for (const [k, v] of Object.entries(inputs.defaults)) set(k, v, k in own ? 'framework' : 'default');
    for (const [k, v] of Object.entries(inputs.configProfile)) set(k, v, 'config');
    return { framework: fw.framework, values, origins };
  }
  for (const [k, v] of Object.entries(inputs.defaults)) set(k, v, 'default');
  for (const [k, v] of Object.entries(inputs.configProfile)) set(k, v, 'config');
  for (const [k, v] of Object.entries(own)) set(k, v, 'framework');
  const tailored = inputs.frameworkProfiles[fw.framework] ?? {};
  const spec = parameterSpecs();
  for (const [k, v] of Object.entries(tailored)) {
    if (k in own && !atLeastAsStrict(spec[k]!.bound, v, own[k])) {
      throw new InputError(`/frameworkProfiles/${fw.framework}/${k}: ${show(v)} loosens the ${spec[k]!.bound} ${fw.framework} fixes (${show(own[k])}); a configuration may only tighten it`, inputs.configFile);
    }
    set(k, v, 'config');
  }
  return { framework: fw.framework, values, origins };
}

/** Pick the value in force among several frameworks' values for one parameter. */
function pick(bound: Bound, entries: Array<{ value: unknown; origin: ParamOrigin }>): { value: unknown; origin: ParamOrigin } {
  const better = (a: { value: unknown; origin: ParamOrigin }, b: { value: unknown; origin: ParamOrigin }): boolean => {
    const x = Number(a.value);
    const y = Number(b.value);
    if (x !== y) return bound === 'floor' ? x > y : x < y;
    return SOURCE_RANK[a.origin.source] < SOURCE_RANK[b.origin.source];
  };
  let best = entries[0]!;
  for (const e of entries.slice(1)) if (better(e, best)) best = e;
  return best;
}

/** The entries every list allows, in the first list's order; the origin is the narrowest list's (or all of them). */
function intersect(entries: Array<{ value: unknown; origin: ParamOrigin }>): { value: unknown[]; origin: ParamOrigin } {
  const lists = entries.map((e) => e.value as unknown[]);
  const value = lists[0]!.filter((v) => lists.every((l) => l.includes(v)));
  const same = (l: unknown[]) => l.length === value.length && value.every((v) => l.includes(v));
  const deciding = entries.filter((e) => same(e.value as unknown[])).sort((a, b) => SOURCE_RANK[a.origin.source] - SOURCE_RANK[b.origin.source]);
  if (deciding.length) return { value, origin: deciding[0]!.origin };
  const ids = [...new Set(entries.map((e) => e.origin.framework))];
  return { value, origin: { framework: ids.join('+'), source: 'framework' } };
}

/** Merge the profiles of the frameworks judged in one scan; conflicts are listed, not resolved. */
export function mergeProfiles(list: FrameworkProfile[]): MergedProfile {
  const spec = parameterSpecs();
  const profile: Record<string, unknown> = {};
  const origins: Record<string, ParamOrigin> = {};
  const conflicts: ProfileConflict[] = [];
  const names = [...new Set(list.flatMap((p) => Object.keys(p.values)))];
  for (const name of names) {
    const entries = list.filter((p) => name in p.values).map((p) => ({ value: p.values[name], origin: p.origins[name]! }));
    const s = spec[name];
    const chosen = !s || s.bound === 'setting' ? entries[0]! : s.bound === 'allow-list' ? intersect(entries) : pick(s.bound, entries);
    profile[name] = chosen.value;
    origins[name] = chosen.origin;
    if (s?.bound === 'setting' && entries.some((e) => JSON.stringify(e.value) !== JSON.stringify(chosen.value))) {
      conflicts.push({
        param: name,
        value: chosen.value,
        origin: chosen.origin,
        message: `${name}: ${entries.map((e) => `${describeOrigin(e.origin)} sets ${show(e.value)}`).join(' but ')}; a setting must be the same for every framework`,
      });
    }
    if (s?.bound === 'allow-list' && (chosen.value as unknown[]).length === 0) {
      conflicts.push({
        param: name,
        value: [],
        origin: chosen.origin,
        message: `${name}: ${entries.map((e) => `${describeOrigin(e.origin)} allows ${show(e.value)}`).join(' but ')}; no value is allowed by all`,
      });
    }
  }
  for (const name of names) {
    for (const floor of spec[name]?.caps ?? []) {
      if (!(floor in profile) || Number(profile[name]) >= Number(profile[floor])) continue;
      conflicts.push({
        param: name,
        value: profile[name],
        origin: origins[name]!,
        against: { param: floor, value: profile[floor], origin: origins[floor]! },
        message: `ceiling ${name} = ${show(profile[name])} (${describeOrigin(origins[name]!)}) is below floor ${floor} = ${show(profile[floor])} (${describeOrigin(origins[floor]!)})`,
      });
    }
  }
  return { profile: profile as Profile, origins, conflicts };
}

/** The profile in force when these frameworks judge one scan, or an InputError naming every conflict. */
export function profileForFrameworks(frameworks: Framework[], inputs: ProfileInputs, defaultFramework: string): MergedProfile {
  const merged = mergeProfiles(frameworks.map((fw) => frameworkProfile(fw, inputs, defaultFramework)));
  if (merged.conflicts.length) {
    const ids = frameworks.map((f) => f.framework).join(' + ');
    const what = frameworks.length > 1 ? 'the profiles conflict' : 'its profile conflicts with itself';
    const fix = frameworks.length > 1 ? 'judge them in separate scans, or change the configuration' : 'change the configuration';
    throw new InputError(`--framework ${ids}: ${what}: ${merged.conflicts.map((c) => c.message).join('; ')}; ${fix}`);
  }
  return merged;
}
