import type { Finding } from '../checks/engine/types.js';
import { cmp } from './common.js';

/**
 * Checks that could not be decided (status `error`: the data they need could not be read), grouped by
 * why: `AccessDenied on rds:DescribeDBInstances (us-east-1) ×30`. Read from the finding messages, which
 * name the failed call and its code (`rds:DescribeDBInstances failed (AccessDenied): ...`).
 */
export interface Undecided {
  count: number;
  /** Reasons, most frequent first. */
  reasons: Array<{ reason: string; count: number }>;
  /** Services of the failed calls (`cloudtrail`, `rds`), sorted. */
  services: string[];
}

const FAILED_CALL = /([a-z0-9-]+):([A-Za-z0-9]+) failed \(([^)]+)\)/g;
const MAX_REASON = 120;

/** Why a finding could not be decided: each failed call (`AccessDenied on rds:DescribeDBInstances`), or the read error. */
function reasonsOf(f: Finding, services: Set<string>): string[] {
  const out: string[] = [];
  for (const m of f.message.matchAll(FAILED_CALL)) {
    services.add(m[1]!);
    out.push(`${m[3]} on ${m[1]}:${m[2]}`);
  }
  if (out.length) return [...new Set(out)];
  // not a failed AWS call (an engine error, an unreadable input): the message after "could not be read"
  const tail = f.message.replace(/^.*?could not be read:\s*/, '').split(';')[0]!.trim() || 'read failed';
  return [tail.length > MAX_REASON ? `${tail.slice(0, MAX_REASON - 3)}...` : tail];
}

export function undecided(findings: readonly Finding[]): Undecided {
  // one group per reason; the regions are those of its regional findings (account-wide ones add none)
  const groups = new Map<string, { count: number; regions: Set<string> }>();
  const services = new Set<string>();
  let count = 0;
  for (const f of findings) {
    if (f.status !== 'error') continue;
    count++;
    for (const r of reasonsOf(f, services)) {
      const g = groups.get(r) ?? { count: 0, regions: new Set<string>() };
      g.count++;
      if (f.region && f.region !== 'global') g.regions.add(f.region);
      groups.set(r, g);
    }
  }
  const reasons = [...groups.entries()]
    .map(([reason, g]) => ({ reason: g.regions.size ? `${reason} (${[...g.regions].sort(cmp).join(', ')})` : reason, count: g.count }))
    .sort((a, b) => b.count - a.count || cmp(a.reason, b.reason));
  return { count, reasons, services: [...services].sort(cmp) };
}

/**
 * One line for summaries (text, the PR comment), or null when every check was decided:
 * `79 checks could not be decided: AccessDenied on rds:DescribeDBInstances (us-east-1) ×30, …; services with failed reads: ec2, rds`.
 */
export function undecidedLine(findings: readonly Finding[], maxReasons = 5): string | null {
  const u = undecided(findings);
  if (!u.count) return null;
  const shown = u.reasons.slice(0, maxReasons).map((r) => `${r.reason} ×${r.count}`);
  const more = u.reasons.length - shown.length;
  if (more > 0) shown.push(`${more} more reason${more === 1 ? '' : 's'}`);
  const services = u.services.length ? `; services with failed reads: ${u.services.join(', ')}` : '';
  return `${u.count} check${u.count === 1 ? '' : 's'} could not be decided: ${shown.join(', ')}${services}`;
}
