/**
 * Canonical JSON for hashing: object keys sorted by UTF-16 code unit (as RFC 8785 does), no whitespace, arrays in order,
 * `undefined` members dropped (as JSON.stringify does). Two documents with the same data always give
 * the same bytes, whatever order their keys were built in.
 */
export function canonicalJson(value: unknown): string {
  return encode(value, new Set());
}

function encode(value: unknown, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'bigint':
      throw new TypeError('canonicalJson: bigint has no JSON form');
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
    if (typeof withJson.toJSON === 'function') return encode(withJson.toJSON(), seen);
    if (Array.isArray(obj)) return `[${obj.map((v) => (v === undefined || typeof v === 'function' ? 'null' : encode(v, seen))).join(',')}]`;
    const rec = obj as Record<string, unknown>;
    const keys = Object.keys(rec)
      .filter((k) => rec[k] !== undefined && typeof rec[k] !== 'function')
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${encode(rec[k], seen)}`).join(',')}}`;
  } finally {
    seen.delete(obj);
  }
}
