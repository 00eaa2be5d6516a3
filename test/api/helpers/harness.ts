// Test harness: a real PostgreSQL database, migrated and seeded, and the API built on it.
import { SignJWT } from 'jose';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOverrides } from '../../../reference-stack/api/src/app.js';
import { createPool, migrate, type Pool } from '../../../reference-stack/api/src/db.js';
import { seed, type Seed } from '../../../reference-stack/api/src/seed.js';
import { startPostgres, type PgServer } from '../../setup/postgres.js';

export const JWT_SECRET = new TextEncoder().encode('test-only-hs256-secret-0123456789abcdef');

export interface Harness {
  server: PgServer;
  dbUrl: string;
  pool: Pool;
  seed: Seed;
  app: FastifyInstance;
  /** Build another app on the same database (e.g. a broken build), listening on loopback; `prepare` runs before it listens. */
  build(overrides?: AppOverrides, listen?: boolean, prepare?: (app: FastifyInstance) => void): Promise<{ app: FastifyInstance; url: string }>;
  jwt(userId: string, opts?: { expiresIn?: string; secret?: Uint8Array }): Promise<string>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const server = await startPostgres();
  const apps: FastifyInstance[] = [];
  try {
    const dbUrl = await server.createDatabase();
    const pool = await createPool({ connectionString: dbUrl, ssl: false }, 20);
    await migrate(pool);
    const s = await seed(pool);
    const config = { bodyLimit: 16 * 1024, jwt: { hs256Secret: JWT_SECRET }, trustProxy: false };
    const build = async (overrides?: AppOverrides, listen = false, prepare?: (app: FastifyInstance) => void) => {
      const app = await buildApp({ pool, config, overrides });
      apps.push(app);
      prepare?.(app);
      const url = listen ? await app.listen({ port: 0, host: '127.0.0.1' }) : '';
      return { app, url };
    };
    const { app } = await build();
    return {
      server, dbUrl, pool, seed: s, app, build,
      jwt: (userId, o = {}) => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setIssuedAt().setExpirationTime(o.expiresIn ?? '10m').sign(o.secret ?? JWT_SECRET),
      async close() {
        for (const a of apps) await a.close();
        await pool.end();
        await server.stop();
      },
    };
  } catch (e) {
    await server.stop();
    throw e;
  }
}
