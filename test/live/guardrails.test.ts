import { ConfigServiceClient, PutConfigurationRecorderCommand, PutDeliveryChannelCommand, StartConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { CreateAccessKeyCommand, CreateLoginProfileCommand, CreateUserCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, IAMClient, UpdateAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/engine/types.js';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * The account-guardrail collectors (GuardDuty, Security Hub, AWS Config recording, the IAM password policy
 * and credential report) against moto_server: us-east-1 has GuardDuty without RDS protection, Security Hub
 * and a recording Config recorder; us-west-2 has none of them. moto does not implement
 * securityhub:GetEnabledStandards, so the hub's standards are an error there, never a pass.
 */
const ACCOUNT = '123456789012';
const EAST = 'us-east-1';
const WEST = 'us-west-2';
const wide = `arn:aws:::${ACCOUNT}:account`;
const regional = (r: string) => `arn:aws::${r}:${ACCOUNT}:account`;
const user = (n: string) => `arn:aws:iam::${ACCOUNT}:user/${n}`;

let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];

async function seed(endpoint: string): Promise<void> {
  const cfg = (region: string) => ({ region, endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  await new GuardDutyClient(cfg(EAST)).send(new CreateDetectorCommand({ Enable: true, Features: [{ Name: 'S3_DATA_EVENTS', Status: 'ENABLED' }, { Name: 'RDS_LOGIN_EVENTS', Status: 'DISABLED' }] }));
  await new SecurityHubClient(cfg(EAST)).send(new EnableSecurityHubCommand({ EnableDefaultStandards: true }));
  await new S3Client({ ...cfg(EAST), forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: 'config-history' }));
  const config = new ConfigServiceClient(cfg(EAST));
  await config.send(new PutConfigurationRecorderCommand({ ConfigurationRecorder: { name: 'default', roleARN: `arn:aws:iam::${ACCOUNT}:role/config`, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } } }));
  await config.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: 'config-history' } }));
  await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));

  const iam = new IAMClient(cfg(EAST));
  await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8, PasswordReusePrevention: 24 }));
  for (const name of ['alice', 'bob', 'ci']) await iam.send(new CreateUserCommand({ UserName: name }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'a-long-passphrase-1!' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'bob', Password: 'another-passphrase-2!' }));
  const mfa = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice' }))).VirtualMFADevice!;
  await iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: mfa.SerialNumber, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'ci' }));
}

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  await seed(moto.endpoint);
  // Collected "now" (moto dates everything it creates now): key and password ages are 0 days.
  snapshot = await collectSnapshot({ regions: [EAST, WEST], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  findings = evaluateSnapshot(snapshot);
});

afterAll(async () => {
  await moto?.stop();
});

describe('guardrail collectors against moto', () => {
  it('reads GuardDuty, Security Hub and AWS Config per region, as answered', () => {
    const east = snapshot.accountSettings.find((s) => s.region === EAST)!;
    const west = snapshot.accountSettings.find((s) => s.region === WEST)!;
    expect(east.data.guardDuty).toMatchObject({ Status: 'ENABLED', Features: expect.arrayContaining([{ Name: 'RDS_LOGIN_EVENTS', Status: 'DISABLED' }]) });
    expect(west.data.guardDuty).toBeNull();
    expect(east.data.securityHub).toMatchObject({ HubArn: expect.stringContaining(':hub/default') });
    expect(west.data.securityHub).toBeNull();
    expect(west.data.securityHubStandards).toEqual([]);
    expect(east.data.configRecorders).toEqual([{ name: 'default', recordingGroup: expect.objectContaining({ allSupported: true }) }]);
    expect(east.data.configRecorderStatus).toEqual([expect.objectContaining({ name: 'default', recording: true })]);
    expect(east.data.configDeliveryChannels).toEqual([expect.objectContaining({ name: 'default', s3BucketName: 'config-history' })]);
    expect(west.data.configRecorders).toEqual([]);
  });

  it('records what moto does not implement (GetEnabledStandards) as a failed read, never as data', () => {
    const east = snapshot.accountSettings.find((s) => s.region === EAST)!;
    // moto answers the unknown route with a 404
    expect(east.errors?.securityHubStandards).toMatchObject({ code: 'HTTP404', call: 'securityhub:GetEnabledStandards' });
    expect(east.data).not.toHaveProperty('securityHubStandards');
    // wave 3: nor IAM Access Analyzer, in any region
    for (const s of snapshot.accountSettings.filter((x) => x.region !== 'global')) {
      expect(s.errors?.accessAnalyzers, s.region).toMatchObject({ call: 'access-analyzer:ListAnalyzers' });
      expect(s.data).not.toHaveProperty('accessAnalyzers');
      expect(s.errors?.macie, s.region).toMatchObject({ call: 'macie2:GetMacieSession', message: expect.stringMatching(/date-time/) });
      expect(s.data).not.toHaveProperty('macie');
    }
  });

  it('reads the password policy and each user\'s credential report row, and nothing secret', () => {
    const global = snapshot.accountSettings.find((s) => s.region === 'global')!;
    expect(global.data.iamPasswordPolicy).toMatchObject({ MinimumPasswordLength: 8, PasswordReusePrevention: 24 });
    const row = (n: string) => snapshot.resources.find((r) => r.arn === user(n))!.data.credentialReport as Record<string, string>;
    expect(row('alice')).toMatchObject({ password_enabled: 'true', mfa_active: 'true' });
    expect(row('bob')).toMatchObject({ password_enabled: 'true', mfa_active: 'false' });
    expect(row('ci')).toMatchObject({ password_enabled: 'false', access_key_1_active: 'true' });
    expect(global.errors?.rootCredentials).toMatchObject({ code: 'NotInReport', call: 'iam:GetCredentialReport' });
    expect(global.data).not.toHaveProperty('rootCredentials');
    const calls = new Set(snapshot.calls.filter((c) => c.ok).map((c) => `${c.service}:${c.operation}`));
    for (const a of ['iam:GenerateCredentialReport', 'iam:GetCredentialReport', 'iam:GetAccountPasswordPolicy', 'guardduty:ListDetectors', 'guardduty:GetDetector', 'securityhub:DescribeHub', 'config:DescribeConfigurationRecorders']) expect(calls, a).toContain(a);
    const text = JSON.stringify(snapshot);
    expect(text).not.toContain('passphrase');
    expect(text).not.toMatch(/SecretAccessKey|AKIA[0-9A-Z]{16}/);
  });
});

describe('guardrail verdicts on the emulator-backed account', () => {
  const cases: Array<[string, string, Finding['status']]> = [
    ['aws-guardduty-enabled', regional(EAST), 'fail'], // RDS protection off
    ['aws-guardduty-enabled', regional(WEST), 'fail'], // no detector
    ['aws-config-recorder-enabled', regional(EAST), 'pass'],
    ['aws-config-recorder-enabled', regional(WEST), 'fail'],
    ['aws-securityhub-enabled', regional(EAST), 'error'], // standards unreadable in moto: never a pass
    ['aws-securityhub-enabled', regional(WEST), 'fail'],
    ['aws-iam-password-policy-strong', wide, 'fail'], // 8 characters
    ['aws-account-root-no-access-keys', wide, 'pass'],
    // moto's credential report has no <root_account> row (real IAM always lists it): an error, never a pass
    ['aws-account-root-not-used-recently', wide, 'error'],
    ['aws-iam-user-console-mfa', user('alice'), 'pass'],
    ['aws-iam-user-console-mfa', user('bob'), 'fail'],
    ['aws-iam-access-keys-rotated', user('ci'), 'pass'],
    ['aws-iam-unused-credentials-removed', user('bob'), 'pass'],
    // wave 3: moto does not implement IAM Access Analyzer: the read fails in every region, an error, never a pass
    ['aws-access-analyzer-enabled', regional(EAST), 'error'],
    ['aws-access-analyzer-enabled', regional(WEST), 'error'],
    // wave 3: moto 5.2's GetMacieSession answers a date-time the SDK rejects (and ENABLED where Macie was never
    // enabled): a failed read in every region, an error, never a pass. The fixtures show Macie's verdicts.
    ['aws-macie-enabled', regional(EAST), 'error'],
    ['aws-macie-enabled', regional(WEST), 'error'],
  ];
  it.each(cases)('%s on %s is %s', (policy, arn, status) => {
    expect(statusAt(findings, policy, arn)).toBe(status);
  });

  it('does not judge console MFA for a user without a console password', () => {
    expect(findings.filter((f) => f.policyId === 'aws-iam-user-console-mfa').map((f) => f.resource.arn).sort()).toEqual([user('alice'), user('bob')]);
  });
});
