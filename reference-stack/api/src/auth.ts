// Authentication: `X-API-Key` (services; only the SHA-256 of a key is stored) or a bearer JWT
// (people; HS256 or RS256, verified with jose). Roles and tenancy come from the users table, never
// from token claims.
import { createHash, randomBytes } from 'node:crypto';
import { importSPKI, jwtVerify, type JWTVerifyOptions } from 'jose';
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

export class AuthError extends Error {}

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
        if (apiKey.length > 256) throw new AuthError('API key is malformed');
        const r = await pool.query<Row>(`${PRINCIPAL_SQL} JOIN api_keys k ON k.user_id = u.id WHERE k.key_sha256 = $1 AND k.revoked_at IS NULL`, [sha256Hex(apiKey)]);
        if (!r.rows[0]) throw new AuthError('API key is not valid');
        return toPrincipal(r.rows[0], 'api-key');
      }
      if (typeof authz === 'string' && /^Bearer\s+\S+$/i.test(authz)) {
        const key = rsKey ?? jwtCfg.hs256Secret;
        if (!key) throw new AuthError('bearer tokens are not accepted: no JWT key is configured');
        let sub: string | undefined;
        try {
          sub = (await jwtVerify(authz.replace(/^Bearer\s+/i, ''), key, opts)).payload.sub;
        } catch (e) {
          throw new AuthError(`bearer token rejected: ${(e as Error & { code?: string }).code ?? 'invalid'}`);
        }
        if (!sub || !/^[0-9a-f-]{36}$/i.test(sub)) throw new AuthError('bearer token subject is not a user id');
        const r = await pool.query<Row>(`${PRINCIPAL_SQL} WHERE u.id = $1`, [sub]);
        if (!r.rows[0]) throw new AuthError('bearer token subject is not a known user');
        return toPrincipal(r.rows[0], 'jwt');
      }
      throw new AuthError('authentication required: send X-API-Key or Authorization: Bearer <JWT>');
    },
  };
}

/** Create an API key for a user; returns the key (shown once), stores only its SHA-256. */
export async function issueApiKey(pool: Pool, userId: string, label: string): Promise<string> {
  const key = `frk_${randomBytes(24).toString('base64url')}`;
  await pool.query('INSERT INTO api_keys (user_id, key_sha256, label) VALUES ($1, $2, $3)', [userId, sha256Hex(key), label]);
  return key;
}
