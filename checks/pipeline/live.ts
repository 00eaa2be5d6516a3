import type { Resource } from '../model/resource.js';
import { InputError } from '../errors.js';

/** Read a live snapshot and adapt it into model resources. */
export async function loadLiveResources(path: string, display: string): Promise<Resource[]> {
  void path;
  throw new InputError('live snapshots are not supported by this build', display);
}
