import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { credentialShape, decodeBase64Text, envValueShape, isCredentialName, plausibleSecret, scanText } from '../../checks/util/credentials.js';

describe('credential names', () => {
  it.each(['DB_PASSWORD', 'PGPASSWORD', 'secret_key', 'access_key', 'SIS_API_TOKEN', 'api_key', 'client_secret', 'db_pass', 'MYSQL_PWD', 'connection_string'])('%s holds a credential', (n) => {
    expect(isCredentialName(n)).toBe(true);
  });
  it.each(['DB_PASSWORD_SECRET_ARN', 'DB_PASSWORD_FILE', 'shared_credentials_files', 'credentials_path', 'API_KEY_PARAMETER', 'TOKEN_TTL', 'http_tokens', 'kms_key_id', 'AWS_ACCESS_KEY_ID', 'secretName', 'PASSENGER_COUNT', 'COMPASS_URL', 'token.actions.githubusercontent.com:sub', 'password_policy'])(
    '%s does not',
    (n) => {
      expect(isCredentialName(n)).toBe(false);
    },
  );
});

describe('literal values', () => {
  it.each(['', '   ', '${DB_PASSWORD}', '$DB_PASSWORD', '$(aws ssm get-parameter)', '{{resolve:secretsmanager:db}}', '<password>', 'arn:aws:secretsmanager:x', '********', 'xxxx', 'required', 'HEADER', 'true', '3600', 'var.db'])(
    '%j is no credential',
    (v) => {
      expect(plausibleSecret(v)).toBe(false);
    },
  );
  it.each(['hunter2-Spring', "'Fall-Term-2026!'", 'changeme', 'lms_8d41f0a9c27e4b1d'])('%j could be one', (v) => {
    expect(plausibleSecret(v)).toBe(true);
  });
  it('knows formats by value, not URL placeholders', () => {
    expect(credentialShape('AKIAQ3PROBE7FERPA9X2')).toBe('an AWS access key id');
    expect(credentialShape('x ASIAQ3PROBE7FERPA9X2 y')).toBe('an AWS access key id');
    expect(credentialShape('-----BEGIN RSA PRIVATE KEY-----')).toBe('a private key');
    expect(credentialShape('postgres://app:s3cret-pw@db/sis')).toBe('a URL with a password');
    expect(credentialShape('postgres://app:${DB_PASSWORD}@db/sis')).toBeUndefined();
    expect(credentialShape('AKIA-not-a-key')).toBeUndefined();
  });
});

describe('scripts (user data)', () => {
  it('names the line and the variable of each assignment, never the value', () => {
    const text = [
      '#!/bin/bash',
      'export DB_HOST=db.internal',
      "export DB_PASSWORD='s3cret-one'",
      'PGPASSWORD=s3cret-two psql -h db.internal',
      'echo "API_TOKEN=s3cret-three" >> /etc/app.env',
      'mysql --password=s3cret-four -e "select 1"',
      'aws configure set aws_secret_access_key s3cret-five-longer-than-four',
      '  password: s3cret-six',
      '  "client_secret": "s3cret-seven",',
      'ENV SESSION_SECRET s3cret-eight',
      'export AWS_ACCESS_KEY_ID=AKIAQ3PROBE7FERPA9X2',
      'export DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)',
      'export DB_PASSWORD_SECRET_ARN=arn:aws:secretsmanager:us-east-1:1:secret:db',
    ].join('\n');
    const found = scanText(text);
    expect(found.map((f) => [f.line, f.name])).toEqual([
      [3, 'DB_PASSWORD'],
      [4, 'PGPASSWORD'],
      [5, 'API_TOKEN'],
      [6, 'password'],
      [7, 'aws_secret_access_key'],
      [8, 'password'],
      [9, 'client_secret'],
      [10, 'SESSION_SECRET'],
      [11, 'AWS_ACCESS_KEY_ID'],
    ]);
    expect(JSON.stringify(found)).not.toMatch(/s3cret|AKIAQ3/);
  });

  it('in free text (not user data), prose after a credential name is no credential; a single token is', () => {
    const text = 'Rotation notes\nPassword: see the district vault entry\ntoken: abc123-live-token\n';
    expect(scanText(text, { prose: true }).map((f) => [f.line, f.name])).toEqual([[3, 'token']]);
    expect(scanText(text).map((f) => f.line)).toEqual([2, 3]);
  });

  it('cloud-init switches that share a password name are no credentials', () => {
    expect(scanText('#cloud-config\nssh_pwauth: false\nlock_passwd: true\nchpasswd: { expire: False }\nhashed_passwd: $6$rounds=4096$abc\n')).toEqual([]);
  });
});

describe('base64 user data', () => {
  it('decodes base64 and gzip+base64 text', () => {
    expect(decodeBase64Text(Buffer.from('#!/bin/bash\necho hi\n').toString('base64'))).toBe('#!/bin/bash\necho hi\n');
    expect(decodeBase64Text(gzipSync(Buffer.from('#cloud-config\n')).toString('base64'))).toBe('#cloud-config\n');
  });
  it('refuses what is not base64 text: a script, a SHA-1, binary bytes, a broken gzip', () => {
    expect(decodeBase64Text('#!/bin/bash\necho hi')).toBeUndefined();
    expect(decodeBase64Text('0e9b741f530e2e2020c048d8e5c4fe7011876bfc')).toBeUndefined();
    expect(decodeBase64Text(Buffer.from([0, 1, 2, 3, 250, 251, 252, 253, 254]).toString('base64'))).toBeUndefined();
    expect(decodeBase64Text(Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4]).toString('base64'))).toBeUndefined();
  });
});

describe('environment value kinds (live snapshots keep the kind, not the value)', () => {
  it('classifies without returning a secret', () => {
    expect(envValueShape('hunter2-long-password')).toEqual({ shape: 'text' });
    expect(envValueShape('AKIAQ3PROBE7FERPA9X2')).toEqual({ shape: 'credential' });
    expect(envValueShape('ghp_abcdefghijklmnopqrstuvwxyz0123456789')).toEqual({ shape: 'credential' });
    expect(envValueShape('arn:aws:ssm:us-east-1:1:parameter/x')).toEqual({ shape: 'reference', value: 'arn:aws:ssm:us-east-1:1:parameter/x' });
  });
});
