import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';

export interface FormatTarget {
  format: string;
  /** Absent = stdout. */
  file?: string;
}

/** `--format json=out.json` / `--format text`; repeatable. */
export function parseFormats(values: string[], allowed: string[], fallback: string): FormatTarget[] {
  if (!values.length) return [{ format: fallback }];
  const targets = values.map((v) => {
    const eq = v.indexOf('=');
    const format = (eq < 0 ? v : v.slice(0, eq)).trim().toLowerCase();
    const file = eq < 0 ? undefined : v.slice(eq + 1).trim();
    if (!allowed.includes(format)) throw new InputError(`--format: unknown format "${format}" (one of ${allowed.join(', ')})`);
    if (file === '') throw new InputError(`--format ${format}=: missing file name`);
    return { format, file };
  });
  if (targets.filter((t) => !t.file).length > 1) throw new InputError('--format: only one format can go to stdout; give the others a file (fmt=file)');
  return targets;
}

/**
 * Write atomically (temp file + rename) so a crash never leaves half a report. A target that exists
 * and is not a regular file (/dev/null, /dev/stdout, a FIFO) is written in place: renaming over it
 * would replace the device with a file.
 */
export function writeOutput(file: string, content: string | Uint8Array): void {
  const abs = resolve(file);
  try {
    const existing = statSync(abs, { throwIfNoEntry: false });
    if (existing && !existing.isFile() && !existing.isDirectory()) {
      writeFileSync(abs, content);
      return;
    }
    mkdirSync(dirname(abs), { recursive: true });
    const tmp = `${abs}.tmp-${process.pid}`;
    writeFileSync(tmp, content);
    renameSync(tmp, abs);
  } catch (e) {
    throw new InputError(`cannot write output (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, file);
  }
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
