/** The marker `policies new` leaves where the author has to write something. */
export const PLACEHOLDER = /\bTODO\b/;

/**
 * JSON pointer of the first placeholder in a parsed policy (in a value or a key), or undefined. A policy
 * that still has one is not finished, and a half-written policy must not load.
 */
export function findPlaceholder(value: unknown, pointer = ''): string | undefined {
  if (typeof value === 'string') return PLACEHOLDER.test(value) ? pointer || '/' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findPlaceholder(value[i], `${pointer}/${i}`);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const here = `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (PLACEHOLDER.test(k)) return here;
      const hit = findPlaceholder(v, here);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}
