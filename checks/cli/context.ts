import { checkAttestations } from '../engine/attestations.js';
import { loadCatalog, type Catalog } from '../pipeline/catalog.js';
import { defaultProfile, loadConfig, type Config } from '../engine/config.js';
import { profileForFrameworks, type ParamOrigin } from '../engine/profiles.js';
import { InputError } from '../errors.js';
import type { Policy } from '../engine/policy.js';

/** The run's clock: FERPA_READY_NOW (ISO time) makes every output reproducible. */
export function clock(): Date {
  const fixed = process.env.FERPA_READY_NOW;
  if (!fixed) return new Date();
  const d = new Date(fixed);
  if (Number.isNaN(d.getTime())) throw new InputError(`FERPA_READY_NOW: not a date-time "${fixed}"`);
  return d;
}

export interface FrameworkSelection {
  ids: string[];
  origins: Record<string, ParamOrigin>;
}

/**
 * Configuration and catalog. With `frameworks` (`--framework`, repeatable) the profile in force is the
 * merge of those frameworks' profiles (checks/engine/profiles.ts), and conflicting profiles are a
 * usage error naming the parameters; without, the configuration's profile as always.
 */
export function loadContext(opts: { config?: string; policies?: string[]; frameworks?: string[] }): { config: Config; catalog: Catalog; frameworks?: FrameworkSelection } {
  const config = loadConfig(opts.config);
  const catalog = loadCatalog([...config.policyDirs, ...(opts.policies ?? [])]);
  checkAttestations(config.attestations, catalog.frameworks, config.file);
  for (const id of Object.keys(config.frameworkProfiles ?? {})) {
    if (id === catalog.framework.framework) throw new InputError(`/frameworkProfiles/${id}: ${id}'s parameters are set under profile:, not frameworkProfiles`, config.file);
    if (!catalog.frameworks.has(id)) throw new InputError(`/frameworkProfiles/${id}: no framework "${id}" (${[...catalog.frameworks.keys()].join(', ')})`, config.file);
  }
  const ids = selectedFrameworks(opts.frameworks ?? [], catalog);
  if (!ids.length) return { config, catalog };
  const merged = profileForFrameworks(
    ids.map((id) => catalog.frameworks.get(id)!),
    { defaults: defaultProfile(), configProfile: config.profileOverrides ?? {}, frameworkProfiles: config.frameworkProfiles ?? {}, configFile: config.file },
    catalog.framework.framework,
  );
  return { config: { ...config, profile: merged.profile }, catalog, frameworks: { ids, origins: merged.origins } };
}

/** `--framework` values: known ids, each once, in the order given. */
export function selectedFrameworks(given: string[], catalog: Catalog): string[] {
  const ids: string[] = [];
  for (const id of given) {
    if (!catalog.frameworks.has(id)) throw new InputError(`--framework: unknown framework "${id}" (one of ${[...catalog.frameworks.keys()].sort().join(', ')})`);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Policy metadata the renderers need (they never see the engine). */
export function policyMeta(policies: Policy[]) {
  return policies.map((p) => ({
    id: p.id,
    title: p.title,
    description: p.description,
    rationale: p.rationale,
    remediation: p.remediation,
    references: p.references,
    severity: p.severity,
    category: p.category,
    controls: p.controls ?? [],
    resource: p.resource,
    sources: p.sources,
  }));
}
