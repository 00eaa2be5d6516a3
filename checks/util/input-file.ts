import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { constants as bufferConstants } from 'node:buffer';
import { InputError } from '../errors.js';

/**
 * Every file the tool reads as input (plans, snapshots, Terraform files, variables files, policies,
 * configuration) goes through here: only regular files are read, never more than the input size
 * limit, and every failure is one InputError naming the file.
 */

const MB = 1024 * 1024;
const MAX_STRING_LENGTH = bufferConstants.MAX_STRING_LENGTH;
export const DEFAULT_MAX_INPUT_BYTES = 256 * MB;
let maxInputBytes = DEFAULT_MAX_INPUT_BYTES;

/** Size limit per input file, in bytes (set once by the CLI from --max-input-size). */
export function setMaxInputBytes(bytes: number): void {
  maxInputBytes = bytes;
}

export function getMaxInputBytes(): number {
  return maxInputBytes;
}

const UNITS: Record<string, number> = { '': 1, b: 1, byte: 1, bytes: 1, k: 1024, kb: 1024, kib: 1024, m: MB, mb: MB, mib: MB, g: 1024 * MB, gb: 1024 * MB, gib: 1024 * MB };

/** `512MB`, `1GB`, `300k`, `1048576` -> bytes (binary units). */
export function parseSize(text: string, option = '--max-input-size'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new InputError(`${option}: not a size "${text}" (e.g. 512MB, 2GB)`);
  const bytes = Math.floor(Number(m[1]) * unit);
  if (!(bytes >= 1) || !Number.isSafeInteger(bytes)) throw new InputError(`${option}: size must be at least 1 byte, got "${text}"`);
  return bytes;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * MB && bytes % (1024 * MB) === 0) return `${bytes / (1024 * MB)} GB`;
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}

const REASONS: Record<string, string> = {
  ENOENT: 'file not found',
  EACCES: 'cannot read file (permission denied)',
  EPERM: 'cannot read file (operation not permitted)',
  ELOOP: 'cannot read file (symbolic link loop)',
  ENOTDIR: 'file not found (a part of the path is not a folder)',
  ENAMETOOLONG: 'cannot read file (path too long)',
  EMFILE: 'cannot read file (too many open files)',
  ENFILE: 'cannot read file (too many open files)',
  EIO: 'cannot read file (I/O error)',
};

/** One line for a failed file system call. */
export function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return (code && REASONS[code]) ?? `cannot read file (${code ?? 'unknown error'})`;
}

/** What a non-regular file is, for the message. */
function oddKind(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Stat a path that must be a regular file; `expected` says what was wanted ("a plan JSON file"). */
export function statInputFile(file: string, display: string, expected = 'a file', limit = maxInputBytes): Stats {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    throw new InputError(readFailure(e), display);
  }
  checkStats(st, display, expected, limit);
  return st;
}

function checkStats(st: Stats, display: string, expected: string, limit: number): void {
  if (!st.isFile()) {
    const kind = oddKind(st);
    throw new InputError(`${kind === 'not a regular file' ? kind : `is ${kind}`}, expected ${expected}${st.isDirectory() ? '' : ' (only regular files are read)'}`, display);
  }
  if (st.size > limit) throw tooLarge(st.size, display);
}

/** The tool's own files (core policies, framework) are not user input: read without the user's limit. */
export const PACKAGE_FILE = Number.MAX_SAFE_INTEGER - 1;

function tooLarge(size: number | undefined, display: string): InputError {
  const what = size === undefined ? 'larger than' : `${formatSize(size)}, larger than`;
  let suggest = maxInputBytes * 2;
  while (size !== undefined && suggest < size) suggest *= 2;
  return new InputError(`file is ${what} the input limit of ${formatSize(maxInputBytes)} per file; raise it with --max-input-size (e.g. --max-input-size ${formatSize(suggest).replace(' ', '')})`, display);
}

/** One read call at most this much (a read of 2 GB or more is refused by the platform). */
const MAX_READ = 1024 * MB;

// O_NONBLOCK: a path swapped for a FIFO between stat and open must not block the open.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The bytes of a regular file, at most the input limit. Reads in chunks up to limit + 1, so a file
 * that grows while read (or lies about its size) is still refused instead of filling memory.
 */
export function readInputBytes(file: string, display: string, expected?: string, limit = maxInputBytes): Buffer {
  statInputFile(file, display, expected, limit);
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (e) {
    throw new InputError(readFailure(e), display);
  }
  try {
    const st = fstatSync(fd);
    checkStats(st, display, expected ?? 'a file', limit);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // the first read takes the whole file as stat sizes it (one copy); more only if it grew
      const want = total === 0 ? Math.max(st.size + 1, 64 * 1024) : 4 * MB;
      const buf = Buffer.allocUnsafe(Math.min(want, MAX_READ, limit + 1 - total));
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        throw new InputError(readFailure(e), display);
      }
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > limit) throw tooLarge(undefined, display);
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** A regular file as UTF-8 text (BOM dropped), at most the input limit. */
export function readInputText(file: string, display: string, expected?: string, limit = maxInputBytes): string {
  return decode(readInputBytes(file, display, expected, limit), display);
}

/** Bytes read as input -> text (UTF-8, BOM dropped; more than a string can hold is one line). */
export function decode(buf: Buffer, display: string): string {
  // a JavaScript string holds at most about 512 MB: a raised limit cannot go past that for text
  if (buf.length > MAX_STRING_LENGTH) throw new InputError(`file is ${formatSize(buf.length)}, more than the ${formatSize(MAX_STRING_LENGTH)} a text input can be`, display);
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Files open at once for asynchronous reads: far below any open-file limit a user will meet. */
const MAX_OPEN = 32;
let open_ = 0;
const waiters: Array<() => void> = [];

async function acquire(): Promise<void> {
  if (open_ < MAX_OPEN) {
    open_++;
    return;
  }
  await new Promise<void>((res) => waiters.push(res));
}

function release(): void {
  const next = waiters.shift();
  if (next) next();
  else open_--;
}

/** readInputText without blocking the event loop; at most MAX_OPEN files are open at once. */
export async function readInputTextAsync(file: string, display: string, expected?: string): Promise<string> {
  await acquire();
  try {
    let fh;
    try {
      fh = await open(file, OPEN_FLAGS);
    } catch (e) {
      throw new InputError(readFailure(e), display);
    }
    try {
      const st = await fh.stat();
      checkStats(st, display, expected ?? 'a file', maxInputBytes);
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const want = total === 0 ? Math.max(st.size + 1, 64 * 1024) : 4 * MB;
        const buf = Buffer.allocUnsafe(Math.min(want, MAX_READ, maxInputBytes + 1 - total));
        let n: number;
        try {
          ({ bytesRead: n } = await fh.read(buf, 0, buf.length, null));
        } catch (e) {
          throw new InputError(readFailure(e), display);
        }
        if (n === 0) break;
        chunks.push(n === buf.length ? buf : buf.subarray(0, n));
        total += n;
        if (total > maxInputBytes) throw tooLarge(undefined, display);
      }
      return decode(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total), display);
    } finally {
      await fh.close();
    }
  } finally {
    release();
  }
}

/**
 * For commands whose messages name what they read (`cannot read evidence bundle (ENOENT)`): the same
 * regular-file and size checks as readInputBytes, with a failing read worded as `cannot read <what>`.
 */
export function readNamedInput(file: string, display: string, what: string): Buffer {
  try {
    statSync(file);
  } catch (e) {
    throw new InputError(`cannot read ${what} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, display);
  }
  return readInputBytes(file, display, `a ${what.replace(/ file$/, '')} file`);
}
