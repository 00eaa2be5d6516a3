import { loadFramework } from '../engine/catalog.js';

export function catalogVersion(): string {
  try {
    return loadFramework().version;
  } catch {
    return 'unknown';
  }
}
