import { describe, expect, it } from 'vitest';
import { expandCompactLive } from '../../checks/authoring/live-fixture.js';
import { adaptSnapshot } from '../../checks/adapters/live/index.js';
import { get, model, rec, verdicts } from '../helpers/policy-tester.js';

/** guard slice: account guardrails as the Terraform adapters merge them into the synthetic account, and IAM users from the credential report. */
describe('Terraform guardrail facets of the synthetic account', () => {
  it('leaves every guardrail unknown when the configuration manages none (needs live verification)', () => {
    const m = model([rec('aws_s3_bucket.b', { bucket: 'b' })]);
    const a = get(m, 'account');
    for (const k of ['guardDutyEnabled', 'securityHubEnabled', 'configRecorderRecording', 'passwordMinLength']) expect(a.attrs[k]?.origin, k).toBe('unknown');
    expect(verdicts('aws-guardduty-enabled', m)).toEqual({ account: 'unknown' });
    expect(verdicts('aws-iam-password-policy-strong', m)).toEqual({ account: 'unknown' });
  });

  it('reads detector features by name, and leaves a protection no feature sets unknown', () => {
    const m = model([
      rec('aws_guardduty_detector.d', {}),
      rec('aws_guardduty_detector_feature.s3', { name: 'S3_DATA_EVENTS', status: 'ENABLED' }),
      rec('aws_guardduty_detector_feature.ebs', { name: 'EBS_MALWARE_PROTECTION', status: 'DISABLED' }),
    ]);
    const a = get(m, 'account');
    expect(a.attrs.guardDutyEnabled).toMatchObject({ value: true, origin: 'default' });
    expect(a.attrs.guardDutyS3Protection?.value).toBe(true);
    expect(a.attrs.guardDutyRdsProtection?.origin).toBe('unknown');
    expect(verdicts('aws-guardduty-enabled', m)).toEqual({ account: 'unknown' });
  });

  it('counts the default standards of a Security Hub account, and a subscription without them', () => {
    expect(get(model([rec('aws_securityhub_account.h', {})]), 'account').attrs.securityHubStandards?.value).toHaveLength(2);
    const sub = model([
      rec('aws_securityhub_account.h', { enable_default_standards: false }),
      rec('aws_securityhub_standards_subscription.cis', { standards_arn: 'arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0' }),
    ]);
    expect(verdicts('aws-securityhub-enabled', sub)).toEqual({ account: 'pass' });
    expect(verdicts('aws-securityhub-enabled', [rec('aws_securityhub_account.h', { enable_default_standards: false })])).toEqual({ account: 'fail' });
  });

  it('takes the provider defaults of the recorder and the password policy', () => {
    const m = model([rec('aws_config_configuration_recorder.r', { name: 'r' }), rec('aws_iam_account_password_policy.p', { require_symbols: true })]);
    const a = get(m, 'account');
    expect(a.attrs.configRecorderAllSupported).toMatchObject({ value: true, origin: 'default' });
    expect(a.attrs.configRecorderRecording?.origin).toBe('unknown'); // no status resource: not known to record
    expect(a.attrs.passwordMinLength).toMatchObject({ value: 6, origin: 'default' });
    expect(a.attrs.passwordReusePrevention).toMatchObject({ value: 0, origin: 'default' });
  });
});

describe('IAM users from the credential report (live)', () => {
  const row = (over: Record<string, string>) => ({
    user: 'u',
    arn: 'arn:aws:iam::111122223333:user/u',
    user_creation_time: '2025-01-01T00:00:00+00:00',
    password_enabled: 'false',
    password_last_used: 'N/A',
    password_last_changed: 'N/A',
    mfa_active: 'false',
    access_key_1_active: 'false',
    access_key_1_last_rotated: 'N/A',
    access_key_1_last_used_date: 'N/A',
    access_key_2_active: 'false',
    access_key_2_last_rotated: 'N/A',
    access_key_2_last_used_date: 'N/A',
    ...over,
  });
  const userOf = (data: Record<string, unknown>, errors?: Record<string, unknown>) => {
    const snap = expandCompactLive(
      { collectedAt: '2026-01-31T00:00:00.000Z', resources: { 'AWS::IAM::User': [{ arn: 'arn:aws:iam::111122223333:user/u', data: { UserName: 'u', inlinePolicies: [], attachedPolicies: [], ...data }, ...(errors ? { errors } : {}) }] } },
      'test',
    );
    return adaptSnapshot(snap, 'test').find((r) => r.kind === 'aws.iam.user')!;
  };

  it('counts key age and idle time to the collection time, the older of two keys, "N/A" as never', () => {
    const u = userOf({
      credentialReport: row({
        access_key_1_active: 'true',
        access_key_1_last_rotated: '2026-01-01T00:00:00+00:00', // 30 days
        access_key_1_last_used_date: '2026-01-30T00:00:00+00:00',
        access_key_2_active: 'true',
        access_key_2_last_rotated: '2025-10-03T00:00:00+00:00', // 120 days, never used
      }),
    });
    expect(u.attrs.accessKeyMaxAgeDays?.value).toBe(120);
    expect(u.attrs.credentialMaxUnusedDays?.value).toBe(120);
    expect(u.attrs.consoleAccess?.value).toBe(false);
  });

  it('ignores inactive keys and counts a never-used console password from when it was set', () => {
    const u = userOf({ credentialReport: row({ password_enabled: 'true', password_last_used: 'no_information', password_last_changed: '2026-01-21T00:00:00+00:00', access_key_1_last_rotated: '2020-01-01T00:00:00+00:00' }) });
    expect(u.attrs.accessKeyMaxAgeDays?.value).toBe(0);
    expect(u.attrs.credentialMaxUnusedDays?.value).toBe(10);
  });

  it('makes every credential attribute an error when the report was not read or not collected', () => {
    const failed = userOf({}, { credentialReport: { code: 'AccessDenied', message: 'denied', call: 'iam:GetCredentialReport' } });
    expect(failed.attrs.mfaActive?.error).toMatch(/AccessDenied/);
    const old = userOf({});
    for (const k of ['consoleAccess', 'mfaActive', 'accessKeyMaxAgeDays', 'credentialMaxUnusedDays']) expect(old.attrs[k]?.error, k).toMatch(/not collected/);
  });
});
