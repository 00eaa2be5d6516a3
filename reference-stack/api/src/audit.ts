// The application audit trail (FERPA-LOG-03): who, what, when, from where, why. Entries hold ids,
// hashes and counts only, never student data (FERPA-LOG-05).
import type { Principal } from './auth.js';

export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export type Outcome = 'success' | 'denied' | 'rejected' | 'not-found' | 'error';

export interface AuditContext {
  principal?: Principal;
  ip: string;
  requestId: string;
  purpose?: string;
}

export interface AuditEntry {
  eventType: string;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  schoolId: string | null;
  districtId?: string | null;
  outcome: Outcome;
  details?: Record<string, unknown>;
}

/** Writes one audit row on the given connection (inside the caller's transaction). */
export type AuditWriter = (db: Queryable, ctx: AuditContext, entry: AuditEntry) => Promise<void>;

export const writeAudit: AuditWriter = async (db, ctx, e) => {
  await db.query(
    `INSERT INTO audit_log (user_id, role, school_id, district_id, event_type, action, resource_type, resource_id, purpose, outcome, ip, request_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      ctx.principal?.userId ?? null,
      ctx.principal?.role ?? null,
      e.schoolId,
      e.districtId ?? ctx.principal?.districtId ?? null,
      e.eventType,
      e.action,
      e.resourceType,
      e.resourceId === null ? null : e.resourceId.slice(0, 64),
      ctx.purpose ?? null,
      e.outcome,
      ctx.ip,
      ctx.requestId,
      JSON.stringify(e.details ?? {}),
    ],
  );
};
