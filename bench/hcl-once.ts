// Child process of the benchmark: scans one Terraform tree with the full catalog and prints its figures.
import { loadCatalog } from '../checks/engine/catalog.js';
import { loadConfig } from '../checks/engine/config.js';
import { scanPaths } from '../checks/pipeline/scan.js';

const [dir] = process.argv.slice(2);
const catalog = loadCatalog();
const config = loadConfig(undefined, '/nonexistent-config-dir');
const t0 = performance.now();
const { results } = await scanPaths([dir!], { config, catalog, now: new Date('2026-11-22T00:00:00Z') });
const t1 = performance.now();
const resources = new Set(results.findings.map((f) => f.resource.address)).size;
process.stdout.write(JSON.stringify({ scanMs: t1 - t0, findings: results.findings.length, resources, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
