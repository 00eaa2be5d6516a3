// PostgreSQL access: pool construction (TLS, secret references), migrations, transactions.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { DbConfig } from './config.js';

export type Pool = pg.Pool;
export type Client = pg.PoolClient;

const MIGRATIONS_DIR = join(import.meta.dirname, '..', 'migrations');

interface RdsSecret {
  username: string;
  password: string;
  host: string;
  port?: number;
  dbname?: string;
}

async function fromSecretsManager(arn: string): Promise<RdsSecret> {
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
  if (!out.SecretString) throw new Error(`secret ${arn} has no SecretString`);
  return JSON.parse(out.SecretString) as RdsSecret;
}

export async function createPool(cfg: DbConfig, max = 10): Promise<Pool> {
  const base: pg.PoolConfig = { max, ssl: cfg.ssl === false ? false : cfg.ssl, application_name: 'ferpa-ready-reference-api' };
  if (cfg.secretArn) {
    const s = await fromSecretsManager(cfg.secretArn);
    return new pg.Pool({ ...base, host: s.host, port: s.port ?? 5432, user: s.username, password: s.password, database: s.dbname ?? 'app' });
  }
  if (cfg.connectionString) return new pg.Pool({ ...base, connectionString: cfg.connectionString });
  const password = cfg.password;
  return new pg.Pool({ ...base, host: cfg.host, port: cfg.port, user: cfg.user, database: cfg.database, password: password ? async () => await password() : undefined });
}

/** Apply every migrations/*.sql not yet recorded, in name order, under an advisory lock. Returns the names applied. */
export async function migrate(pool: Pool): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(727274)');
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort()) {
      if (done.has(file)) continue;
      await client.query('BEGIN');
      try {
        await client.query(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'));
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${file} failed: ${(e as Error).message}`);
      }
      applied.push(file);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(727274)').catch(() => undefined);
    client.release();
  }
  return applied;
}

/** Run fn in one transaction: committed when it returns, rolled back when it throws. */
export async function withTx<T>(pool: Pool, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
