import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
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
 * A target that exists and is not a regular file (/dev/null, /dev/stdout, a FIFO) is written in
 * place: renaming over it would replace the device with a file.
 */
export function writeOutput(file: string, content: string | Uint8Array | Iterable<string>): void {
  const abs = resolve(file);
  const tmp = `${abs}.tmp-${process.pid}`;
  const cannot = (e: unknown) => new InputError(`cannot write output (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, file);
  let existing;
  try {
    existing = statSync(abs, { throwIfNoEntry: false });
  } catch (e) {
    throw cannot(e);
  }
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    if (typeof content !== 'string' && !(content instanceof Uint8Array)) return writePieces(abs, content, cannot, () => {});
    try {
      return writeFileSync(abs, content);
    } catch (e) {
      throw cannot(e);
    }
  }
  try {
    mkdirSync(dirname(abs), { recursive: true });
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(tmp, content);
  } catch (e) {
    throw cannot(e);
  }
  if (typeof content !== 'string' && !(content instanceof Uint8Array)) writePieces(tmp, content, cannot, () => rmSync(tmp, { force: true }));
  try {
    renameSync(tmp, abs);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw cannot(e);
  }
}

const POOL_BYTES = 4 << 20;

/** Pieces into `path`; a failing renderer is not a write error: its own error goes on, after `discard`. */
function writePieces(path: string, content: Iterable<string>, cannot: (e: unknown) => Error, discard: () => void): void {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (e) {
    throw cannot(e);
  }
  try {
    // Pieces are encoded into one reused buffer (a fresh Buffer per piece is garbage the size of the document).
    const pool = Buffer.allocUnsafe(POOL_BYTES);
    let used = 0;
    for (const piece of content) {
      // at most 3 UTF-8 bytes per UTF-16 code unit
      if (used && used + piece.length * 3 > POOL_BYTES) {
        writeAll(fd, pool.subarray(0, used), cannot);
        used = 0;
      }
      if (piece.length * 3 > POOL_BYTES) writeAll(fd, Buffer.from(piece, 'utf8'), cannot);
      else used += pool.write(piece, used, 'utf8');
    }
    if (used) writeAll(fd, pool.subarray(0, used), cannot);
  } catch (e) {
    closeSync(fd);
    discard();
    throw e;
  }
  closeSync(fd);
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
