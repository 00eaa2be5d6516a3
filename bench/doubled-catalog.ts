// The catalog at twice its size for the growth-per-doubling figure: every policy of policies/ written
// again under another id into a folder the CLI loads with --policies (the same rules, so twice the work).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const POLICIES = join(import.meta.dirname, '..', 'policies');

/** Writes the copies into `dir` and returns how many policies the doubled catalog holds. */
export function writeCatalogCopy(dir: string): number {
  mkdirSync(dir, { recursive: true });
  const files = readdirSync(POLICIES).filter((f) => f.endsWith('.policy.yaml'));
  for (const f of files) {
    const text = readFileSync(join(POLICIES, f), 'utf8');
    const copy = text.replace(/^id: (\S+)$/m, 'id: $1-copy');
    if (copy === text) throw new Error(`${f}: no top-level id line to rename`);
    writeFileSync(join(dir, f.replace('.policy.yaml', '-copy.policy.yaml')), copy);
  }
  return files.length * 2;
}
