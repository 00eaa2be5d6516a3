// Runtime configuration of the reference API. Secrets never come from literal environment values:
// the database password comes from a file (DATABASE_PASSWORD_FILE) or from Secrets Manager
// (DATABASE_URL_SECRET_ARN); the JWT key from a file. DATABASE_URL is accepted for local tests only
// and must not carry a password when NODE_ENV=production.
import { readFileSync } from 'node:fs';
import { ConfigError } from './errors.js';

export interface DbConfig {
  connectionString?: string;
  host?: string;
  port?: number;
  user?: string;
  database?: string;
  /** Resolved at connect time, never logged. */
  password?: () => Promise<string> | string;
  ssl: false | { rejectUnauthorized: boolean; ca?: string };
  secretArn?: string;
}

export interface ApiConfig {
  db: DbConfig;
  port: number;
  host: string;
  bodyLimit: number;
  jwt: { hs256Secret?: Uint8Array; rs256PublicKeyPem?: string; issuer?: string; audience?: string };
  trustProxy: boolean;
}

/** Environment variables that would hold a literal secret: refused. */
const LITERAL_SECRET_VARS: Record<string, string> = {
  DATABASE_PASSWORD: 'DATABASE_PASSWORD_FILE (a file path) or DATABASE_URL_SECRET_ARN',
  PGPASSWORD: 'DATABASE_PASSWORD_FILE (a file path) or DATABASE_URL_SECRET_ARN',
  JWT_SECRET: 'JWT_SECRET_FILE (a file path)',
  API_KEY: 'API keys stored hashed in the database',
};

function readSecretFile(env: string, path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    throw new ConfigError(`${env} points to ${path}, which cannot be read`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  for (const [v, instead] of Object.entries(LITERAL_SECRET_VARS)) {
    if (env[v]) throw new ConfigError(`environment variable ${v} holds a literal secret; use ${instead} instead`);
  }
  const production = env.NODE_ENV === 'production';
  const sslMode = env.DATABASE_SSL ?? (production ? 'require' : 'disable');
  if (!['require', 'disable', 'verify-full'].includes(sslMode)) throw new ConfigError(`DATABASE_SSL must be require, verify-full or disable, not "${sslMode}"`);
  if (production && sslMode === 'disable') throw new ConfigError('DATABASE_SSL=disable is not allowed when NODE_ENV=production');
  const ca = env.DATABASE_SSL_CA_FILE ? readSecretFile('DATABASE_SSL_CA_FILE', env.DATABASE_SSL_CA_FILE) : undefined;
  const ssl: DbConfig['ssl'] = sslMode === 'disable' ? false : { rejectUnauthorized: sslMode === 'verify-full' || !!ca, ...(ca ? { ca } : {}) };

  let db: DbConfig;
  if (env.DATABASE_URL_SECRET_ARN) {
    db = { ssl, secretArn: env.DATABASE_URL_SECRET_ARN };
  } else if (env.DATABASE_PASSWORD_FILE) {
    const file = env.DATABASE_PASSWORD_FILE;
    db = {
      ssl,
      host: env.PGHOST ?? 'localhost',
      port: Number(env.PGPORT ?? 5432),
      user: env.PGUSER ?? 'app',
      database: env.PGDATABASE ?? 'app',
      password: () => readSecretFile('DATABASE_PASSWORD_FILE', file),
    };
  } else if (env.DATABASE_URL) {
    let url: URL;
    try {
      url = new URL(env.DATABASE_URL);
    } catch {
      throw new ConfigError('DATABASE_URL is not a valid URL');
    }
    if (production && url.password) throw new ConfigError('DATABASE_URL carries a literal password; in production use DATABASE_PASSWORD_FILE or DATABASE_URL_SECRET_ARN');
    db = { ssl, connectionString: env.DATABASE_URL };
  } else {
    throw new ConfigError('no database configured: set DATABASE_URL_SECRET_ARN, DATABASE_PASSWORD_FILE (+ PGHOST/PGUSER/PGDATABASE) or, for tests, DATABASE_URL');
  }

  const jwt: ApiConfig['jwt'] = { issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE };
  if (env.JWT_SECRET_FILE) jwt.hs256Secret = new TextEncoder().encode(readSecretFile('JWT_SECRET_FILE', env.JWT_SECRET_FILE));
  if (env.JWT_PUBLIC_KEY_FILE) jwt.rs256PublicKeyPem = readSecretFile('JWT_PUBLIC_KEY_FILE', env.JWT_PUBLIC_KEY_FILE);

  const bodyLimit = Number(env.API_BODY_LIMIT ?? 65536);
  if (!Number.isInteger(bodyLimit) || bodyLimit < 1024) throw new ConfigError('API_BODY_LIMIT must be an integer of at least 1024 bytes');
  return {
    db,
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    bodyLimit,
    jwt,
    trustProxy: env.TRUST_PROXY === '1',
  };
}
