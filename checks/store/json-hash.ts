import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) of `JSON.stringify(value)` (no indentation) without holding the whole string: the two
 * outer levels are written member by member, everything below with `JSON.stringify`, so a results
 * document with a hundred thousand findings never becomes one string.
 */
export function jsonSha256(value: unknown): string {
  const hash = createHash('sha256');
  write(value, 0, (s) => hash.update(s));
  return hash.digest('hex');
}

const OUTER_LEVELS = 3;

function write(v: unknown, depth: number, emit: (s: string) => void): void {
  if (depth >= OUTER_LEVELS || v === null || typeof v !== 'object' || typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    emit(JSON.stringify(v) ?? 'null');
    return;
  }
  if (Array.isArray(v)) {
    emit('[');
    for (let i = 0; i < v.length; i++) {
      if (i) emit(',');
      const x: unknown = v[i];
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') emit('null');
      else write(x, depth + 1, emit);
    }
    emit(']');
    return;
  }
  emit('{');
  let first = true;
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
    if (!first) emit(',');
    first = false;
    emit(JSON.stringify(k));
    emit(':');
    write(x, depth + 1, emit);
  }
  emit('}');
}
