import type { Resource } from '../../model/resource.js';
import { isUnknown, type Val } from '../../model/value.js';
import { pushAll } from '../../util/push-all.js';

/**
 * Where GuardDuty and Security Hub findings are produced, and which Regions a routed EventBridge rule hears.
 * Both services send findings to EventBridge only in the Region that produced them; Security Hub cross-Region
 * aggregation also sends the findings of its linked Regions (GuardDuty's among them, through the Security Hub
 * integration) to EventBridge in the aggregation Region. So a rule routed in one Region covers that Region, and
 * the Regions an aggregator links into it when they run Security Hub and the rule matches Security Hub findings.
 * (GuardDuty User Guide, "Creating custom responses to GuardDuty findings with Amazon EventBridge"; Security Hub
 * User Guide, "Cross-Region aggregation".)
 */

/** A state read from the input: on, off, not known from a configuration, or a read that failed. */
type State = { is: 'on' | 'off' | 'unknown' } | { is: 'error'; error: string };

export interface DetectionRegion {
  /** undefined: a declaration whose provider region is not known. */
  region: string | undefined;
  detection: State;
  securityHub: State;
}

export interface Aggregator {
  region: string | undefined;
  linkingMode: string | undefined;
  regions: string[] | undefined;
}

export interface FindingRegions {
  detection: DetectionRegion[];
  aggregators: Aggregator[];
  /** A live read of the aggregator that failed in some Region. */
  aggregatorError?: string;
}

const ON: State = { is: 'on' };

function stateOf(v: Val | undefined): State {
  if (v?.error) return { is: 'error', error: v.error };
  if (v?.origin === 'unknown' || v === undefined) return { is: 'unknown' };
  return { is: v.value === true ? 'on' : 'off' };
}

/** Either service on is detection; otherwise an unreadable or unknown one keeps it open. */
function either(a: State, b: State): State {
  if (a.is === 'on' || b.is === 'on') return ON;
  if (a.is === 'error') return a;
  if (b.is === 'error') return b;
  return a.is === 'unknown' || b.is === 'unknown' ? { is: 'unknown' } : { is: 'off' };
}

function aggregatorsOf(entries: unknown): Aggregator[] {
  return (Array.isArray(entries) ? (entries as Array<Record<string, unknown>>) : []).map((e) => ({
    region: typeof e?.region === 'string' ? e.region : undefined,
    linkingMode: typeof e?.linkingMode === 'string' ? e.linkingMode.toUpperCase() : undefined,
    regions: Array.isArray(e?.regions) && (e.regions as unknown[]).every((x) => typeof x === 'string') ? (e.regions as string[]) : undefined,
  }));
}

/**
 * Terraform: the detectors and hubs the configuration declares, one entry each with its provider region
 * (`detectionRegions`), and its aggregators. Live: each audited Region's account resource of the account.
 */
export function findingRegionsOf(account: Resource, accounts: Resource[]): FindingRegions {
  if (account.source !== 'live') {
    const byRegion = new Map<string | undefined, { guardduty: State[]; securityhub: State[] }>();
    for (const e of Array.isArray(account.attrs.detectionRegions?.value) ? (account.attrs.detectionRegions.value as Array<Record<string, unknown>>) : []) {
      const region = typeof e?.region === 'string' ? e.region : undefined;
      let seen = byRegion.get(region);
      if (!seen) byRegion.set(region, (seen = { guardduty: [], securityhub: [] }));
      const state: State = isUnknown(e?.enabled) ? { is: 'unknown' } : { is: e?.enabled === true ? 'on' : 'off' };
      (e?.service === 'securityhub' ? seen.securityhub : seen.guardduty).push(state);
    }
    const any = (xs: State[]): State => xs.reduce<State>((acc, x) => either(acc, x), { is: 'off' });
    return {
      detection: [...byRegion].map(([region, s]) => ({ region, detection: either(any(s.guardduty), any(s.securityhub)), securityHub: any(s.securityhub) })),
      aggregators: aggregatorsOf(account.attrs.securityHubAggregators?.value),
    };
  }
  const regional = accounts.filter((a) => a.source === 'live' && a.account === account.account && a.attrs.settingsScope?.value === 'region' && a.region && a.region !== 'global');
  const out: FindingRegions = { detection: [], aggregators: [] };
  for (const a of regional) {
    const securityHub = stateOf(a.attrs.securityHubEnabled);
    out.detection.push({ region: a.region, detection: either(stateOf(a.attrs.guardDutyEnabled), securityHub), securityHub });
    const agg = a.attrs.securityHubAggregators;
    if (agg?.error) out.aggregatorError ??= agg.error;
    else pushAll(out.aggregators, aggregatorsOf(agg?.value));
  }
  return out;
}

/** Whether an aggregator links `region` into its aggregation Region (undefined: the input does not say). */
function links(g: Aggregator, region: string): boolean | undefined {
  switch (g.linkingMode) {
    case 'ALL_REGIONS':
      return true;
    case 'NO_REGIONS':
      return false;
    case 'SPECIFIED_REGIONS':
      return g.regions ? g.regions.includes(region) : undefined;
    case 'ALL_REGIONS_EXCEPT_SPECIFIED':
      return g.regions ? !g.regions.includes(region) : undefined;
    default:
      return undefined;
  }
}

/** Not decided: not known from a configuration, or a read that failed. */
export type Open = { is: 'unknown' } | { is: 'error'; error: string };
export type Coverage = { is: 'covered' | 'uncovered' } | Open;

export interface Route {
  region: string | undefined;
  /** The rule matches Security Hub findings (what an aggregation Region sends on). */
  securityHub: boolean;
  /** A rule that may route findings: its pattern, target or subscriptions are not known (unknown) or not read (error). */
  open?: Open;
}

/** Definitely routed in `region` (true), maybe (the open route that decides), or not. */
function routedIn(routes: Route[], region: string | undefined, hubOnly: boolean): true | Open | false {
  const here = routes.filter((r) => (!hubOnly || r.securityHub) && (region === undefined || r.region === undefined || r.region === region));
  if (here.some((r) => !r.open && region !== undefined && r.region === region)) return true;
  const open = here.map((r): Open => r.open ?? { is: 'unknown' });
  return open.find((o) => o.is === 'error') ?? open[0] ?? false;
}

/** Whether the findings of one Region with detection reach a routed rule. */
export function coverageOf(d: DetectionRegion, routes: Route[], found: FindingRegions): Coverage {
  if (d.detection.is === 'off') return { is: 'covered' };
  // A declaration of no known region: the configuration names no region that lacks a route.
  if (d.region === undefined) return routes.some((r) => !r.open) ? { is: 'covered' } : { is: 'uncovered' };
  const direct = routedIn(routes, d.region, false);
  if (direct === true) return { is: 'covered' };
  let open: Coverage | undefined = direct || undefined;
  if (d.securityHub.is !== 'off') {
    for (const g of found.aggregators) {
      const linked = links(g, d.region);
      if (linked === false || g.region === d.region) continue;
      const routed = routedIn(routes, g.region, true);
      if (routed === false) continue;
      if (linked && routed === true && d.securityHub.is === 'on') return { is: 'covered' };
      open ??= d.securityHub.is === 'error' ? { is: 'error', error: d.securityHub.error } : routed === true ? { is: 'unknown' } : routed;
    }
    if (found.aggregatorError && routes.some((r) => r.securityHub)) open ??= { is: 'error', error: found.aggregatorError };
  }
  if (open) return open;
  if (d.detection.is === 'unknown') return { is: 'unknown' };
  if (d.detection.is === 'error') return { is: 'error', error: d.detection.error };
  return { is: 'uncovered' };
}
