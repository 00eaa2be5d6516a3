/**
 * `a.localeCompare(b)` (the default collation, CLDR root) without loading ICU's collation data, which
 * costs 50 to 90 ms on the first call: printable ASCII is compared here by the same rules (primary
 * weights in ROOT_ORDER, letters case-blind; then lowercase before uppercase), anything else by
 * localeCompare itself. test/util/collation.test.ts holds it to localeCompare.
 */
const ROOT_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ';

const PRIMARY = new Uint8Array(128);
const UPPER = new Uint8Array(128);
{
  let weight = 0;
  for (const ch of ROOT_ORDER) {
    const c = ch.charCodeAt(0);
    const upper = c >= 65 && c <= 90;
    if (!upper) weight++;
    PRIMARY[c] = weight;
    UPPER[c] = upper ? 1 : 0;
  }
}

const plain = (s: string, from: number): boolean => {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
};

export function localeOrder(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length < b.length ? a.length : b.length;
  let tertiary = 0;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x < 0x20 || x > 0x7e || y < 0x20 || y > 0x7e) return a.localeCompare(b);
    if (x === y) continue;
    const d = PRIMARY[x]! - PRIMARY[y]!;
    if (d) return plain(a, i + 1) && plain(b, i + 1) ? d : a.localeCompare(b);
    if (!tertiary) tertiary = UPPER[x]! - UPPER[y]!;
  }
  if (!plain(a, n) || !plain(b, n)) return a.localeCompare(b);
  return a.length !== b.length ? a.length - b.length : tertiary;
}
