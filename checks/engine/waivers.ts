import { isRealDate } from '../util/dates.js';
import type { Diagnostic, Finding, Waiver } from './types.js';

export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${body}$`);
}

function matches(w: Waiver, f: Finding): boolean {
  if (w.policy !== f.policyId && !globToRegExp(w.policy).test(f.policyId)) return false;
  if (!w.resource) return true;
  const re = globToRegExp(w.resource);
  return [f.resource.address, f.resource.arn].some((x) => x != null && (x === w.resource || re.test(x)));
}

/** A waiver is usable when it names a reason, an owner and a real expiry date. */
export function waiverProblem(w: Partial<Waiver>): string | undefined {
  if (!w.policy) return 'names no policy';
  if (!w.reason) return 'has no reason';
  if (!w.owner) return 'has no owner';
  if (!w.expires) return 'has no expiry date';
  if (!isRealDate(w.expires)) return `has a bad expiry date "${w.expires}"`;
  return undefined;
}

/**
 * Apply waivers: a failing, unknown or error finding covered by a live waiver becomes `waived` and keeps
 * the waiver; an expired waiver waives nothing, stays attached (expired: true) and is reported. Malformed
 * waivers are reported and ignored. `today` is YYYY-MM-DD (injected, for determinism).
 */
export function applyWaivers(findings: Finding[], waivers: Array<Partial<Waiver>>, today: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const usable: Waiver[] = [];
  for (const w of waivers) {
    const problem = waiverProblem(w);
    if (problem) {
      diagnostics.push({ level: 'warning', message: `waiver for ${w.policy ?? '(no policy)'}${w.resource ? ` on ${w.resource}` : ''} ${problem}: it waives nothing`, file: w.origin });
      continue;
    }
    usable.push(w as Waiver);
  }
  const used = new Set<Waiver>();
  for (const f of findings) {
    if (f.status === 'pass') continue;
    for (const w of usable) {
      if (!matches(w, f)) continue;
      used.add(w);
      const expired = w.expires < today;
      f.waiver = { ...w, expired };
      if (!expired) {
        f.status = 'waived';
        break;
      }
    }
  }
  for (const w of used) {
    if (w.expires < today) {
      diagnostics.push({ level: 'warning', message: `waiver for ${w.policy}${w.resource ? ` on ${w.resource}` : ''} (owner ${w.owner}) expired on ${w.expires}: its findings are open again`, file: w.origin });
    }
  }
  return diagnostics;
}
