// Child process of the benchmark: scans one input with the full catalog and prints its figures as JSON.
import { loadCatalog } from '../checks/engine/catalog.js';
import { loadConfig } from '../checks/engine/config.js';
import { scanPaths } from '../checks/pipeline/scan.js';

const [input] = process.argv.slice(2);
const t0 = performance.now();
const catalog = loadCatalog();
const config = loadConfig(undefined, '/nonexistent-config-dir');
const t1 = performance.now();
const { results } = await scanPaths([input!], { config, catalog, now: new Date('2026-11-22T00:00:00Z') });
const t2 = performance.now();
process.stdout.write(
  JSON.stringify({ loadMs: t1 - t0, scanMs: t2 - t1, findings: results.findings.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n',
);
