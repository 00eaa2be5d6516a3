import { readSnapshot } from '../sources/live/snapshot.js';
import { adaptSnapshotInventory } from '../adapters/live/index.js';
import type { ClassificationOptions } from '../adapters/classification.js';
import type { Adapted } from '../adapters/inventory.js';

/** Read a live snapshot and adapt it into model resources, with the inventory of every record. */
export async function loadLiveResources(path: string, display: string, classification?: ClassificationOptions): Promise<Adapted> {
  return adaptSnapshotInventory(readSnapshot(path, display), display, classification);
}
