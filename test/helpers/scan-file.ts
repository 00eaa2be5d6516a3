/** One input written to a temporary folder and scanned with the whole catalog and the default profile, as `scan` does. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultProfile, type Config } from '../../checks/engine/config.js';
import type { Finding } from '../../checks/engine/types.js';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { scanPaths } from '../../checks/pipeline/scan.js';

const catalog = loadCatalog();
const config: Config = { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] };
const NOW = new Date('2026-12-01T00:00:00Z');

/** Writes `text` as `name` (main.tf, plan.json, snapshot.json) in a new temporary folder; its path. */
export function writeInput(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'frscan-')), name);
  writeFileSync(file, text);
  return file;
}

/** Every finding of a scan of `paths` (files or folders). */
export async function scanFindings(...paths: string[]): Promise<Finding[]> {
  const { results } = await scanPaths(paths, { config, catalog, now: NOW, cwd: join(paths[0]!, '..'), hcl: { env: {} } });
  return results.findings;
}

/** Every finding of a scan of `text` written as `name`. */
export function scanText(name: string, text: string): Promise<Finding[]> {
  return scanFindings(writeInput(name, text));
}
