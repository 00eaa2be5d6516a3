import type { Resource } from '../model/resource.js';
import { readSnapshot } from '../sources/live/snapshot.js';
import { adaptSnapshot } from '../adapters/live/index.js';

/** Read a live snapshot and adapt it into model resources. */
export async function loadLiveResources(path: string, display: string): Promise<Resource[]> {
  return adaptSnapshot(readSnapshot(path, display), display);
}
