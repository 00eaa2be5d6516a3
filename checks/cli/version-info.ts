import { readCoreCache } from '../engine/catalog-cache.js';
import { CORE_POLICY_DIR, loadFramework } from '../engine/catalog.js';

/** The catalog version for `--version`: from the compiled build's cached catalog when current (no YAML parse at every start). */
export function catalogVersion(): string {
  try {
    return readCoreCache(CORE_POLICY_DIR)?.framework.version ?? loadFramework().version;
  } catch {
    return 'unknown';
  }
}
