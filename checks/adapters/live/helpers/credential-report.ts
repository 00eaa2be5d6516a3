import { errorVal, type Val } from '../../../model/value.js';
import type { SnapshotResource } from '../../../sources/live/snapshot.js';
import { dataAt, type LiveCtx } from './record.js';
import { liveDerived } from './values.js';

const DAY = 86_400_000;

/** A report timestamp (ISO 8601), or undefined for "N/A", "no_information", "not_supported" and blanks. */
function time(v: string | undefined): number | undefined {
  if (!v || !/^\d{4}-\d{2}-\d{2}T/.test(v)) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * guard slice: an IAM user's attributes from its credential report row (facet `credentialReport`), with
 * ages counted to the snapshot's collection time, so a replayed snapshot gives the same verdicts.
 */
export function credentialAttrs(rec: SnapshotResource, ctx: LiveCtx): Record<string, Val> {
  const names = ['consoleAccess', 'mfaActive', 'accessKeyMaxAgeDays', 'credentialMaxUnusedDays'];
  const row = dataAt(rec, 'credentialReport') as Record<string, string> | null | undefined;
  if (!rec.errors?.credentialReport && (row === undefined || row === null)) {
    return Object.fromEntries(names.map((n) => [n, errorVal('the IAM credential report was not collected', { file: ctx.file, address: rec.arn, attribute: n })]));
  }
  const r = row ?? {};
  const now = Date.parse(ctx.snapshot.collectedAt);
  const days = (t: number) => Math.max(0, Math.floor((now - t) / DAY));
  const created = time(r.user_creation_time);
  const console = r.password_enabled === 'true';
  let keyAge = 0;
  let unused = 0;
  if (console) {
    const since = time(r.password_last_used) ?? time(r.password_last_changed) ?? created;
    if (since !== undefined) unused = Math.max(unused, days(since));
  }
  for (const n of [1, 2]) {
    if (r[`access_key_${n}_active`] !== 'true') continue;
    const rotated = time(r[`access_key_${n}_last_rotated`]) ?? created;
    if (rotated !== undefined) keyAge = Math.max(keyAge, days(rotated));
    const since = time(r[`access_key_${n}_last_used_date`]) ?? rotated;
    if (since !== undefined) unused = Math.max(unused, days(since));
  }
  const f = ['credentialReport'];
  return {
    consoleAccess: liveDerived(rec, ctx, 'credentialReport.password_enabled', console, f),
    mfaActive: liveDerived(rec, ctx, 'credentialReport.mfa_active', r.mfa_active === 'true', f),
    accessKeyMaxAgeDays: liveDerived(rec, ctx, 'credentialReport.access_key_1_last_rotated', keyAge, f),
    credentialMaxUnusedDays: liveDerived(rec, ctx, 'credentialReport', unused, f),
  };
}
