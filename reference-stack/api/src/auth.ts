// Authentication: `X-API-Key` (services; only the SHA-256 of a key is stored) or a bearer JWT
// (people; HS256 or RS256, verified with jose). Roles and tenancy come from the users table, never
// from token claims.
import { createHash, randomBytes } from 'node:crypto';
import { decodeProtectedHeader, importSPKI, jwtVerify, type JWTVerifyOptions } from 'jose';
import type { ApiConfig } from './config.js';
import type { Pool } from './db.js';
import type { Role } from './spec.js';

export interface Principal {
  userId: string;
  role: Role;
  schoolId: string | null;
  districtId: string | null;
  via: 'api-key' | 'jwt';
}

/** Why authentication was refused: a fixed vocabulary for the audit log (never token material). */
export type AuthRefusal =
  | 'no-credentials'
  | 'authorization-scheme-unsupported'
  | 'api-key-malformed'
  | 'api-key-unknown'
  | 'bearer-not-configured'
  | 'token-malformed'
  | 'token-alg-none'
  | 'token-algorithm-not-allowed'
  | 'token-signature-invalid'
  | 'token-expired'
  | 'token-not-yet-valid'
  | 'token-audience-invalid'
  | 'token-issuer-invalid'
  | 'token-claim-missing'
  | 'token-claim-invalid'
  | 'token-subject-invalid'
  | 'token-subject-unknown';

export class AuthError extends Error {
  constructor(
    message: string,
    readonly reason: AuthRefusal,
    /** Which credential the caller sent. */
    readonly credential: 'api-key' | 'bearer' | 'none',
    /** For a claim check: which registered claim (aud, iss, exp, ...). */
    readonly claim?: string,
  ) {
    super(message);
  }
}

const REGISTERED_CLAIMS = new Set(['aud', 'iss', 'sub', 'exp', 'nbf', 'iat', 'jti']);

/** The audit reason of a token jose refused, from its error code (and the header, for `alg: none`). */
function tokenRefusal(e: Error & { code?: string; claim?: string; reason?: string }, token: string): { reason: AuthRefusal; claim?: string } {
  switch (e.code) {
    case 'ERR_JWT_EXPIRED':
      return { reason: 'token-expired' };
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return { reason: 'token-signature-invalid' };
    case 'ERR_JOSE_ALG_NOT_ALLOWED': {
      let alg: unknown;
      try {
        alg = decodeProtectedHeader(token).alg;
      } catch {
        alg = undefined;
      }
      return { reason: typeof alg === 'string' && alg.toLowerCase() === 'none' ? 'token-alg-none' : 'token-algorithm-not-allowed' };
    }
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED': {
      const claim = e.claim && REGISTERED_CLAIMS.has(e.claim) ? e.claim : undefined;
      if (e.reason === 'missing') return { reason: 'token-claim-missing', claim };
      if (claim === 'aud') return { reason: 'token-audience-invalid', claim };
      if (claim === 'iss') return { reason: 'token-issuer-invalid', claim };
      if (claim === 'nbf') return { reason: 'token-not-yet-valid', claim };
      return { reason: 'token-claim-invalid', claim };
    }
    default:
      return { reason: 'token-malformed' };
  }
}

export const sha256Hex = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');

const PRINCIPAL_SQL = `
  SELECT u.id AS user_id, u.role, u.school_id, COALESCE(u.district_id, s.district_id) AS district_id
  FROM users u LEFT JOIN schools s ON s.id = u.school_id`;

type Row = { user_id: string; role: Role; school_id: string | null; district_id: string | null };
const toPrincipal = (r: Row, via: Principal['via']): Principal => ({ userId: r.user_id, role: r.role, schoolId: r.school_id, districtId: r.district_id, via });

export interface Authenticator {
  authenticate(headers: Record<string, string | string[] | undefined>): Promise<Principal>;
}

export async function createAuthenticator(pool: Pool, jwtCfg: ApiConfig['jwt']): Promise<Authenticator> {
  const rsKey = jwtCfg.rs256PublicKeyPem ? await importSPKI(jwtCfg.rs256PublicKeyPem, 'RS256') : undefined;
  const opts: JWTVerifyOptions = { algorithms: rsKey ? ['RS256'] : ['HS256'], issuer: jwtCfg.issuer, audience: jwtCfg.audience, requiredClaims: ['sub', 'exp'] };
  return {
    async authenticate(headers) {
      const apiKey = headers['x-api-key'];
      const authz = headers.authorization;
      if (typeof apiKey === 'string' && apiKey.length > 0) {
        if (apiKey.length > 256) throw new AuthError('API key is malformed', 'api-key-malformed', 'api-key');
        const r = await pool.query<Row>(`${PRINCIPAL_SQL} JOIN api_keys k ON k.user_id = u.id WHERE k.key_sha256 = $1 AND k.revoked_at IS NULL`, [sha256Hex(apiKey)]);
        if (!r.rows[0]) throw new AuthError('API key is not valid', 'api-key-unknown', 'api-key');
        return toPrincipal(r.rows[0], 'api-key');
      }
      if (typeof authz === 'string' && /^Bearer\s+\S+$/i.test(authz)) {
        const key = rsKey ?? jwtCfg.hs256Secret;
        if (!key) throw new AuthError('bearer tokens are not accepted: no JWT key is configured', 'bearer-not-configured', 'bearer');
        const token = authz.replace(/^Bearer\s+/i, '');
        let sub: string | undefined;
        try {
          sub = (await jwtVerify(token, key, opts)).payload.sub;
        } catch (e) {
          const why = tokenRefusal(e as Error, token);
          throw new AuthError(`bearer token rejected: ${(e as Error & { code?: string }).code ?? 'invalid'}`, why.reason, 'bearer', why.claim);
        }
        if (!sub || !/^[0-9a-f-]{36}$/i.test(sub)) throw new AuthError('bearer token subject is not a user id', 'token-subject-invalid', 'bearer');
        const r = await pool.query<Row>(`${PRINCIPAL_SQL} WHERE u.id = $1`, [sub]);
        if (!r.rows[0]) throw new AuthError('bearer token subject is not a known user', 'token-subject-unknown', 'bearer');
        return toPrincipal(r.rows[0], 'jwt');
      }
      if (typeof authz === 'string' && authz.length > 0) throw new AuthError('authentication required: the Authorization header is not "Bearer <JWT>"', 'authorization-scheme-unsupported', 'none');
      throw new AuthError('authentication required: send X-API-Key or Authorization: Bearer <JWT>', 'no-credentials', 'none');
    },
  };
}

/** Create an API key for a user; returns the key (shown once), stores only its SHA-256. */
export async function issueApiKey(pool: Pool, userId: string, label: string): Promise<string> {
  const key = `frk_${randomBytes(24).toString('base64url')}`;
  await pool.query('INSERT INTO api_keys (user_id, key_sha256, label) VALUES ($1, $2, $3)', [userId, sha256Hex(key), label]);
  return key;
}
