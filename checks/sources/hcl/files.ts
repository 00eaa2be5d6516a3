import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A Terraform configuration file name (`.tf`, `.tf.json`). */
export function isConfigFile(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}

/** The configuration files directly in `dir`, sorted (none when it cannot be read). */
export function listConfigFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter(isConfigFile)
      .sort()
      .map((n) => join(dir, n))
      .filter((p) => {
        try {
          return statSync(p).isFile();
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}

/** Folders never searched for root modules: tool state, dependencies, hidden folders. */
function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Every folder at or below `dir` holding configuration files (hidden folders, .terraform and node_modules skipped). */
function configDirs(dir: string, out: string[] = []): string[] {
  if (listConfigFiles(dir).length) out.push(dir);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.isDirectory() && !skipped(e.name)) configDirs(join(dir, e.name), out);
  }
  return out;
}

/**
 * Folders a directory calls as local modules. Terraform requires a module `source` to be a literal, and
 * a local one to start with ./ or ../, so the text is enough; a `source` of another block that happens
 * to name a folder with configuration only keeps that folder from being scanned as a root of its own.
 */
function localModuleDirs(dir: string): string[] {
  const out: string[] = [];
  for (const file of listConfigFiles(dir)) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const re = file.endsWith('.json') ? /"source"\s*:\s*"(\.{1,2}\/[^"]*)"/g : /\bsource\s*=\s*"(\.{1,2}\/[^"]*)"/g;
    for (const m of text.matchAll(re)) out.push(resolve(dir, m[1]!));
  }
  return out;
}

/**
 * The root modules to scan for a directory given on the command line: the directory itself when it
 * holds configuration files; otherwise every folder below it that holds some and is not called as a
 * local module by another (a repository with environments/dev, environments/prod and modules/).
 */
export function rootModules(dir: string): string[] {
  if (listConfigFiles(dir).length) return [dir];
  const candidates = configDirs(dir);
  const called = new Set<string>();
  for (const c of candidates) for (const m of localModuleDirs(c)) if (m !== c) called.add(m);
  return candidates.filter((c) => !called.has(c));
}
