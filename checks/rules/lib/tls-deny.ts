import type { IamStatement } from '../../model/iam-document.js';
import { isUnknown } from '../../model/value.js';
import { strs } from './policy-doc.js';

// The parts of "this statement denies requests made without TLS" that every resource policy shares
// (S3 bucket policies, EFS file system policies, SQS queue policies), in three-valued logic.

export type T = 'yes' | 'no' | 'unknown';

export function and(...xs: T[]): T {
  return xs.includes('no') ? 'no' : xs.includes('unknown') ? 'unknown' : 'yes';
}

export function denies(st: IamStatement): T {
  return isUnknown(st.Effect) ? 'unknown' : st.Effect === 'Deny' ? 'yes' : 'no';
}

/** The Action covers the whole service: `*` or `<service>:*`. */
export function wholeService(st: IamStatement, service: string): T {
  if (st.Action === undefined) return 'no';
  const a = strs(st.Action);
  if (a.values.some((x) => x === '*' || x.toLowerCase() === `${service.toLowerCase()}:*`)) return 'yes';
  return a.unknown ? 'unknown' : 'no';
}

/** The Action covers `action` (`service:Name`): `*`, `<service>:*`, the action itself or a wildcard matching it, case-insensitively. */
export function coversAction(st: IamStatement, action: string): T {
  if (st.Action === undefined) return 'no';
  const a = strs(st.Action);
  const want = action.toLowerCase();
  const matches = (pattern: string) => new RegExp(`^${pattern.toLowerCase().replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(want);
  if (a.values.some(matches)) return 'yes';
  return a.unknown ? 'unknown' : 'no';
}

/** Condition Bool (or BoolIfExists) aws:SecureTransport = false. */
export function insecureTransport(st: IamStatement): T {
  const c = st.Condition;
  if (c === undefined) return 'no';
  if (isUnknown(c)) return 'unknown';
  let unknown = false;
  for (const [op, block] of Object.entries(c)) {
    if (!/^bool(ifexists)?$/i.test(op)) continue;
    for (const [key, vals] of Object.entries(block)) {
      if (key.toLowerCase() !== 'aws:securetransport') continue;
      const v = strs(vals);
      if (v.values.some((x) => x.toLowerCase() === 'false')) return 'yes';
      if (v.unknown) unknown = true;
    }
  }
  return unknown ? 'unknown' : 'no';
}
