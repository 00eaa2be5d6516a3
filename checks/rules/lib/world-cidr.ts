/** Whether an address range is the internet at large, for the network checks. */
import { isUnknown } from '../../model/value.js';

/** Three-valued answer for a property of a rule that may hold unknown parts. */
export type Tri = 'yes' | 'no' | 'maybe';

function parseIpv4(s: string): number | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

/** IPv4 ranges that are not internet-routable. */
const PRIVATE_V4: Array<[number, number]> = [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
].map(([a, l]) => [parseIpv4(a as string)!, l as number]);

function withinV4(addr: number, len: number, base: number, baseLen: number): boolean {
  if (len < baseLen) return false;
  const size = 2 ** (32 - baseLen);
  return Math.floor(addr / size) === Math.floor(base / size);
}

/**
 * Whether a CIDR opens a rule to the internet at large: `0.0.0.0/0`, `::/0`, and any other range
 * wider than an IPv4 /8 or an IPv6 /16 outside private space (`0.0.0.0/1`, `2000::/3`), which is how
 * "not quite /0" rules slip past exact-string checks. A /23 or /29 is not world-open (anchors flag
 * those wrongly). Unparseable text is `maybe`.
 */
export function cidrIsWorld(cidr: unknown): Tri {
  if (isUnknown(cidr) || typeof cidr !== 'string') return 'maybe';
  const s = cidr.trim();
  const [addr, lenText] = s.split('/');
  if (!addr) return 'maybe';
  if (addr.includes(':')) {
    const len = lenText === undefined ? 128 : Number(lenText);
    if (!Number.isInteger(len) || len < 0 || len > 128) return 'maybe';
    if (len === 0) return 'yes';
    if (len >= 16) return 'no';
    const first = parseInt(addr.split(':')[0] || '0', 16);
    if (Number.isNaN(first)) return 'maybe';
    // fc00::/7 (unique local) and fe80::/10 (link local) are private.
    if (len >= 7 && (first & 0xfe00) === 0xfc00) return 'no';
    return 'yes';
  }
  const a = parseIpv4(addr);
  const len = lenText === undefined ? 32 : Number(lenText);
  if (a === undefined || !Number.isInteger(len) || len < 0 || len > 32) return 'maybe';
  if (len === 0) return 'yes';
  if (len >= 8) return 'no';
  if (PRIVATE_V4.some(([b, bl]) => withinV4(a, len, b, bl))) return 'no';
  return 'yes';
}
