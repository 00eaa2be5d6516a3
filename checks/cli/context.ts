import { loadCatalog, type Catalog } from '../engine/catalog.js';
import { loadConfig, type Config } from '../engine/config.js';
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

export function loadContext(opts: { config?: string; policies?: string[] }): { config: Config; catalog: Catalog } {
  const config = loadConfig(opts.config);
  const catalog = loadCatalog([...config.policyDirs, ...(opts.policies ?? [])]);
  return { config, catalog };
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
