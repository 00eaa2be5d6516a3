import { readSnapshot } from '../sources/live/snapshot.js';
import { adaptSnapshotInventory } from '../adapters/live/index.js';
import type { ClassificationOptions } from '../adapters/classification.js';
import type { Adapted } from '../adapters/inventory.js';

/** Read a live snapshot and adapt it into model resources, with the inventory of every record and the snapshot's notes. */
export async function loadLiveResources(path: string, display: string, classification?: ClassificationOptions): Promise<Adapted & { notes: string[]; collectedAt: string }> {
  const snapshot = readSnapshot(path, display);
  return { ...adaptSnapshotInventory(snapshot, display, classification), notes: snapshot.notes ?? [], collectedAt: snapshot.collectedAt };
}
