import { describe, expect, it } from 'vitest';
import { model, rec, statusOf } from '../helpers/policy-tester.js';

// A regional account setting declared for one region of a multi-region configuration says nothing about the
// others (checks/adapters/terraform/regional-settings.ts): the account policies are unknown there, never a pass.

const detector = (region?: string) => rec('aws_guardduty_detector.d', { enable: true }, region ? { region } : {});
const features = (region?: string) => [
  rec('aws_guardduty_detector_feature.s3', { name: 'S3_DATA_EVENTS', status: 'ENABLED' }, region ? { region } : {}),
  rec('aws_guardduty_detector_feature.rds', { name: 'RDS_LOGIN_EVENTS', status: 'ENABLED' }, region ? { region } : {}),
];
const bucket = (region: string) => rec(`aws_s3_bucket.b_${region.replaceAll('-', '_')}`, { bucket: `b-${region}` }, { region });

describe('regional account settings in a multi-region configuration', () => {
  it('GuardDuty declared only in us-east-1 is unknown for a configuration that also uses us-west-2; declared in both it passes', () => {
    expect(statusOf('aws-guardduty-enabled', model([detector('us-east-1'), ...features('us-east-1'), bucket('us-east-1')]), 'account')).toBe('pass');
    expect(statusOf('aws-guardduty-enabled', model([detector('us-east-1'), ...features('us-east-1'), bucket('us-east-1'), bucket('us-west-2')]), 'account')).toBe('unknown');
    const west = [rec('aws_guardduty_detector.w', { enable: true }, { region: 'us-west-2' }), rec('aws_guardduty_detector_feature.ws3', { name: 'S3_DATA_EVENTS', status: 'ENABLED' }, { region: 'us-west-2' }), rec('aws_guardduty_detector_feature.wrds', { name: 'RDS_LOGIN_EVENTS', status: 'ENABLED' }, { region: 'us-west-2' })];
    expect(statusOf('aws-guardduty-enabled', model([detector('us-east-1'), ...features('us-east-1'), ...west, bucket('us-east-1'), bucket('us-west-2')]), 'account')).toBe('pass');
  });

  it('a declaration whose provider region is not known is left as it is', () => {
    expect(statusOf('aws-guardduty-enabled', model([detector(), ...features(), bucket('us-east-1'), bucket('us-west-2')]), 'account')).toBe('pass');
  });

  it('EBS encryption by default declared in one region of two is unknown for the account', () => {
    const on = rec('aws_ebs_encryption_by_default.e', { enabled: true }, { region: 'us-east-1' });
    expect(statusOf('aws-ebs-default-encryption', model([on, bucket('us-east-1')]), 'account')).toBe('pass');
    expect(statusOf('aws-ebs-default-encryption', model([on, bucket('us-east-1'), bucket('us-west-2')]), 'account')).toBe('unknown');
  });

  it('a switch on in one region and off in another is off for the account, in either order (was the last declaration)', () => {
    const on = rec('aws_ebs_encryption_by_default.east', { enabled: true }, { region: 'us-east-1' });
    const off = rec('aws_ebs_encryption_by_default.west', { enabled: false }, { region: 'us-west-2' });
    const used = [bucket('us-east-1'), bucket('us-west-2')];
    expect(statusOf('aws-ebs-default-encryption', model([off, on, ...used]), 'account')).toBe('fail');
    expect(statusOf('aws-ebs-default-encryption', model([on, off, ...used]), 'account')).toBe('fail');
    const westOff = rec('aws_guardduty_detector.w', { enable: false }, { region: 'us-west-2' });
    expect(statusOf('aws-guardduty-enabled', model([westOff, detector('us-east-1'), ...features('us-east-1'), ...used]), 'account')).toBe('fail');
  });

  it('within one region the last declaration still stands', () => {
    const first = rec('aws_ebs_encryption_by_default.a', { enabled: false }, { region: 'us-east-1' });
    const last = rec('aws_ebs_encryption_by_default.b', { enabled: true }, { region: 'us-east-1' });
    expect(statusOf('aws-ebs-default-encryption', model([first, last, bucket('us-east-1')]), 'account')).toBe('pass');
  });
});
