import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding ferpa-ready's package.json. Assets (policies, schemas) are found from here rather
 * than relative to each module, so the same code runs from the TypeScript sources and from the
 * compiled copy in dist/.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'ferpa-ready') return dir;
      } catch {
        // an unreadable package.json on the way up is not ours
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('ferpa-ready: cannot find the package root (package.json)');
    dir = up;
  }
}

export const PACKAGE_ROOT: string = findRoot();

/** A file of the package, given relative to its root (`policies/profile.default.yaml`). */
export function packagePath(relative: string): string {
  return join(PACKAGE_ROOT, relative);
}
