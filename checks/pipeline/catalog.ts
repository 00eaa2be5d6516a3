import type { CoreCatalog } from '../engine/catalog-cache.js';
import * as engine from '../engine/catalog.js';
import type { Policy } from '../engine/policy.js';
import { CODE_CHECKS } from '../rules/table.js';

/**
 * The catalog with the code checks of checks/rules: what the CLI, scripts and tests load. The engine
 * sits below the rules and never imports them; this is where the two meet.
 */
export { CORE_POLICY_DIR, type Catalog } from '../engine/catalog.js';
export { CODE_CHECKS };

/** The core catalog plus extra policy folders (see engine/catalog.ts loadCatalog). */
export function loadCatalog(extraDirs: string[] = []): engine.Catalog {
  return engine.loadCatalog(CODE_CHECKS, extraDirs);
}

/** The framework and core policies, read and validated from policies/ (no cache; scripts/build.mjs caches it). */
export function loadCoreCatalog(): CoreCatalog {
  return engine.loadCoreCatalog(CODE_CHECKS);
}

/** One policy file, validated against the model and the code checks. */
export function loadPolicyFile(file: string, displayRoot?: string): Policy {
  return engine.loadPolicyFile(file, CODE_CHECKS, displayRoot);
}
