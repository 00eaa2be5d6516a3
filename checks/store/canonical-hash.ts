import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) of `canonicalJson(value)` (checks/util/canonical-json.ts) without building the whole
 * string: a run's results can be larger than the longest string Node allows. Same bytes, same rules.
 */
export function canonicalSha256(value: unknown): string {
  const hash = createHash('sha256');
  let buf = '';
  const emit = (s: string) => {
    buf += s;
    if (buf.length > 65_536) {
      hash.update(buf);
      buf = '';
    }
  };
  encode(value, emit, new Set());
  hash.update(buf);
  return hash.digest('hex');
}

function encode(value: unknown, emit: (s: string) => void, seen: Set<object>): void {
  if (value === null) return emit('null');
  switch (typeof value) {
    case 'string':
      return emit(JSON.stringify(value));
    case 'boolean':
      return emit(value ? 'true' : 'false');
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
      return emit(JSON.stringify(value));
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: ${typeof value} has no JSON form`);
  }
  const obj = value as object;
  if (seen.has(obj)) throw new TypeError('canonicalJson: circular structure');
  seen.add(obj);
  try {
    const withJson = obj as { toJSON?: () => unknown };
    if (typeof withJson.toJSON === 'function') return encode(withJson.toJSON(), emit, seen);
    if (Array.isArray(obj)) {
      emit('[');
      for (let i = 0; i < obj.length; i++) {
        if (i) emit(',');
        const v: unknown = obj[i];
        if (v === undefined || typeof v === 'function') emit('null');
        else encode(v, emit, seen);
      }
      return emit(']');
    }
    const rec = obj as Record<string, unknown>;
    const keys = Object.keys(rec)
      .filter((k) => rec[k] !== undefined && typeof rec[k] !== 'function')
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    emit('{');
    for (let i = 0; i < keys.length; i++) {
      if (i) emit(',');
      emit(JSON.stringify(keys[i]));
      emit(':');
      encode(rec[keys[i]!], emit, seen);
    }
    emit('}');
  } finally {
    seen.delete(obj);
  }
}
