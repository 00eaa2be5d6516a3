import { describe, expect, it } from 'vitest';
import { evaluateCond } from '../../checks/engine/evaluate.js';
import { defaultProfile } from '../../checks/engine/config.js';
import { Model } from '../../checks/model/model.js';
import { SensitiveValue, UNKNOWN, errorVal, known, defaulted, unknownVal } from '../../checks/model/value.js';
import type { Cond } from '../../checks/engine/policy.js';
import { resource } from '../helpers/policy-tester.js';

const profile = defaultProfile();

function truth(cond: Cond, r = resource('aws.rds.instance', 'aws_db_instance.a', {}), model = new Model([r])) {
  return evaluateCond(cond, r, { model, profile, checks: {} }).truth;
}

describe('path comparators', () => {
  const r = resource('aws.rds.instance', 'aws_db_instance.a', {
    storageEncrypted: known(true),
    retention: known(3),
    engine: known('postgres'),
    logs: known(['postgresql', 'upgrade']),
    password: known(new SensitiveValue(true)),
  });
  const m = new Model([r]);
  it('equals / notEquals / in / notIn', () => {
    expect(truth({ path: 'storageEncrypted', equals: true }, r, m)).toBe('true');
    expect(truth({ path: 'storageEncrypted', equals: false }, r, m)).toBe('false');
    expect(truth({ path: 'engine', notEquals: 'mysql' }, r, m)).toBe('true');
    expect(truth({ path: 'engine', in: ['postgres', 'aurora-postgresql'] }, r, m)).toBe('true');
    expect(truth({ path: 'engine', notIn: ['postgres'] }, r, m)).toBe('false');
  });
  it('numeric thresholds read the profile', () => {
    expect(truth({ path: 'retention', gte: { param: 'backupMinDays' } }, r, m)).toBe('false');
    expect(truth({ path: 'retention', lte: { param: 'dispositionDays' } }, r, m)).toBe('true');
  });
  it('contains, matches and exists', () => {
    expect(truth({ path: 'logs', contains: 'postgresql' }, r, m)).toBe('true');
    expect(truth({ path: 'logs', notContains: 'upgrade' }, r, m)).toBe('false');
    expect(truth({ path: 'engine', matches: '^post' }, r, m)).toBe('true');
    expect(truth({ path: 'missing', exists: true }, r, m)).toBe('false');
    expect(truth({ path: 'missing', exists: false }, r, m)).toBe('true');
  });
  it('a sensitive value counts as present but is never compared', () => {
    expect(truth({ path: 'password', exists: true }, r, m)).toBe('true');
    expect(truth({ path: 'password', equals: 'hunter2' }, r, m)).toBe('unknown');
  });
});

describe('three-valued logic with errors', () => {
  const r = resource('aws.rds.instance', 'aws_db_instance.u', {
    a: known(true),
    b: unknownVal(),
    c: errorVal('AccessDenied: rds:DescribeDBInstances'),
    d: known(false),
  });
  const m = new Model([r]);
  it('unknown is never false', () => {
    expect(truth({ path: 'b', equals: true }, r, m)).toBe('unknown');
    expect(truth({ not: { path: 'b', equals: true } }, r, m)).toBe('unknown');
  });
  it('all: a false decides, otherwise error beats unknown', () => {
    expect(truth({ all: [{ path: 'a', equals: true }, { path: 'b', equals: true }, { path: 'd', equals: true }] }, r, m)).toBe('false');
    expect(truth({ all: [{ path: 'a', equals: true }, { path: 'b', equals: true }, { path: 'c', equals: true }] }, r, m)).toBe('error');
    expect(truth({ all: [{ path: 'a', equals: true }, { path: 'b', equals: true }] }, r, m)).toBe('unknown');
  });
  it('any: a true decides', () => {
    expect(truth({ any: [{ path: 'b', equals: true }, { path: 'a', equals: true }] }, r, m)).toBe('true');
    expect(truth({ any: [{ path: 'b', equals: true }, { path: 'd', equals: true }] }, r, m)).toBe('unknown');
  });
  it('a defaulted value is a real value', () => {
    const x = resource('aws.rds.instance', 'x', { storageEncrypted: defaulted(false) });
    expect(truth({ path: 'storageEncrypted', equals: true }, x, new Model([x]))).toBe('false');
  });
});

describe('quantifiers over arrays', () => {
  const rules = [
    { protocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: ['0.0.0.0/0'] },
    { protocol: 'tcp', fromPort: 5432, toPort: 5432, cidrIpv4: ['10.0.0.0/16'] },
  ];
  const sg = resource('aws.ec2.security-group', 'aws_security_group.a', { ingressRules: known(rules) });
  const m = new Model([sg]);
  it('every / some / none with where', () => {
    expect(truth({ every: 'ingressRules', where: { path: 'cidrIpv4', contains: '0.0.0.0/0' }, assert: { path: 'fromPort', equals: 443 } }, sg, m)).toBe('true');
    expect(truth({ some: 'ingressRules', assert: { path: 'fromPort', equals: 5432 } }, sg, m)).toBe('true');
    expect(truth({ none: 'ingressRules', where: { path: 'cidrIpv4', contains: '0.0.0.0/0' }, assert: { path: 'fromPort', equals: 443 } }, sg, m)).toBe('false');
  });
  it('an unknown element makes every-quantifiers unknown, not true', () => {
    const u = resource('aws.ec2.security-group', 'aws_security_group.u', { ingressRules: known([rules[0], UNKNOWN]) });
    expect(truth({ every: 'ingressRules', assert: { path: 'fromPort', equals: 443 } }, u, new Model([u]))).toBe('unknown');
  });
  it('the failing element is the evidence', () => {
    const out = evaluateCond({ every: 'ingressRules', assert: { path: 'fromPort', equals: 443 } }, sg, { model: m, profile, checks: {} });
    expect(out.truth).toBe('false');
    expect(out.evidence.map((e) => e.path)).toContain('ingressRules[1].fromPort');
  });
});

describe('links', () => {
  const key = resource('aws.kms.key', 'aws_kms_key.k', { rotationEnabled: known(false) });
  const db = resource('aws.rds.instance', 'aws_db_instance.a', {}, { links: { kmsKey: ['aws_kms_key.k'] } });
  const dangling = resource('aws.rds.instance', 'aws_db_instance.b', {}, {
    linkRefs: [{ name: 'kmsKey', kinds: ['aws.kms.key'], literals: ['arn:aws:kms:us-east-1:111122223333:key/outside'] }],
  });
  const none = resource('aws.rds.instance', 'aws_db_instance.c', {});
  const m = new Model([key, db, dangling, none]);
  it('follows a link to the target attributes', () => {
    expect(truth({ path: 'kmsKey.rotationEnabled', equals: true }, db, m)).toBe('false');
    expect(truth({ path: 'kmsKey', exists: true }, db, m)).toBe('true');
  });
  it('a link to something outside the model is unknown, an absent link is absent', () => {
    expect(truth({ path: 'kmsKey.rotationEnabled', equals: true }, dangling, m)).toBe('unknown');
    expect(truth({ path: 'kmsKey', exists: true }, none, m)).toBe('false');
  });
});
