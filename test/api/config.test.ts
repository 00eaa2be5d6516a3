// Runtime configuration: secrets only by reference, TLS to the database, refusal of literal secrets.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../reference-stack/api/src/errors.js';
import { loadConfig } from '../../reference-stack/api/src/config.js';
import { parseConfig } from '../../reference-stack/api/conformance/config.js';

describe('API configuration', () => {
  it('refuses literal secrets in the environment, naming the variable', () => {
    for (const v of ['PGPASSWORD', 'DATABASE_PASSWORD', 'JWT_SECRET']) {
      expect(() => loadConfig({ DATABASE_URL: 'postgresql://h/db', [v]: 'hunter2' })).toThrow(new RegExp(`^environment variable ${v} holds a literal secret`));
    }
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://u:hunter2@h/db', NODE_ENV: 'production' })).toThrow(ConfigError);
  });
  it('requires TLS in production and builds the pg ssl options from DATABASE_SSL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://h/db', DATABASE_SSL: 'require' }).db.ssl).toEqual({ rejectUnauthorized: false });
    expect(loadConfig({ DATABASE_URL: 'postgresql://h/db', DATABASE_SSL: 'verify-full' }).db.ssl).toEqual({ rejectUnauthorized: true });
    expect(loadConfig({ DATABASE_URL: 'postgresql://h/db' }).db.ssl).toBe(false);
    expect(loadConfig({ DATABASE_URL_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:1:secret:db', NODE_ENV: 'production' }).db).toMatchObject({ ssl: { rejectUnauthorized: false }, secretArn: 'arn:aws:secretsmanager:us-east-1:1:secret:db' });
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://h/db', NODE_ENV: 'production', DATABASE_SSL: 'disable' })).toThrow(/not allowed when NODE_ENV=production/);
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://h/db', DATABASE_SSL: 'maybe' })).toThrow(/DATABASE_SSL must be/);
  });
  it('reads the password and JWT key from files, lazily for the password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frcfg-'));
    writeFileSync(join(dir, 'pw'), 's3cret\n');
    writeFileSync(join(dir, 'jwt'), 'jwt-key-material');
    const c = loadConfig({ DATABASE_PASSWORD_FILE: join(dir, 'pw'), PGHOST: 'db.internal', PGUSER: 'app', JWT_SECRET_FILE: join(dir, 'jwt') });
    expect(c.db).toMatchObject({ host: 'db.internal', user: 'app', database: 'app' });
    expect(await c.db.password!()).toBe('s3cret');
    expect(new TextDecoder().decode(c.jwt.hs256Secret)).toBe('jwt-key-material');
    expect(JSON.stringify(c)).not.toContain('s3cret');
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://h/db', JWT_SECRET_FILE: join(dir, 'missing') })).toThrow(/JWT_SECRET_FILE points to .*missing, which cannot be read/);
  });
  it('says what to set when no database is configured', () => {
    expect(() => loadConfig({})).toThrow(/^no database configured: set DATABASE_URL_SECRET_ARN, DATABASE_PASSWORD_FILE/);
  });
});

describe('conformance configuration', () => {
  it('accepts a minimal config and rejects unknown keys and missing roles with the file name', () => {
    const ok = parseConfig('schoolId: a\ndistrictId: d\nroles: { school_admin: { apiKeyEnv: KEY } }\notherTenants: [{ label: b, credential: { apiKey: k } }]\n');
    expect(ok.roles.school_admin).toEqual({ apiKeyEnv: 'KEY' });
    expect(() => parseConfig('schoolId: a\ndistrictId: d\nroles: { school_admin: { apiKey: k } }\notherTenants: [{ label: b, credential: { apiKey: k } }]\nextra: 1\n', 'c.yaml')).toThrow(/^c\.yaml: \/ must NOT have additional properties \(extra\)$/);
    expect(() => parseConfig('schoolId: a\ndistrictId: d\nroles: { teacher: { apiKey: k } }\notherTenants: []\n', 'c.yaml')).toThrow(/^c\.yaml: \/roles must have required property 'school_admin'$/);
    expect(() => parseConfig(': : :', 'c.yaml')).toThrow(/^c\.yaml: not valid YAML/);
  });
});
