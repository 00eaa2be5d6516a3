import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
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
 * Write atomically (temp file + rename) so a crash never leaves half a report. Content in pieces
 * (a renderer's chunks) is written piece by piece: a report may be longer than one string can be.
 */
export function writeOutput(file: string, content: string | Uint8Array | Iterable<string>): void {
  const abs = resolve(file);
  const tmp = `${abs}.tmp-${process.pid}`;
  const cannot = (e: unknown) => new InputError(`cannot write output (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, file);
  try {
    mkdirSync(dirname(abs), { recursive: true });
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(tmp, content);
  } catch (e) {
    throw cannot(e);
  }
  if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
    let fd: number;
    try {
      fd = openSync(tmp, 'w');
    } catch (e) {
      throw cannot(e);
    }
    try {
      // A failing renderer is not a write error: its own error goes on, and the temp file goes away.
      for (const piece of content) writeAll(fd, Buffer.from(piece, 'utf8'), cannot);
    } catch (e) {
      closeSync(fd);
      rmSync(tmp, { force: true });
      throw e;
    }
    closeSync(fd);
  }
  try {
    renameSync(tmp, abs);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw cannot(e);
  }
}

function writeAll(fd: number, bytes: Buffer, cannot: (e: unknown) => Error): void {
  try {
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
  } catch (e) {
    throw cannot(e);
  }
}

/** A rendered document on stdout, piece by piece, ending with a newline. */
export function writeStdout(pieces: Iterable<string>): void {
  let last = '';
  for (const piece of pieces) {
    if (!piece) continue;
    process.stdout.write(piece);
    last = piece;
  }
  if (!last.endsWith('\n')) process.stdout.write('\n');
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
