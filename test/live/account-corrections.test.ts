import { CloudTrailClient, CreateTrailCommand, PutEventSelectorsCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient, CreateLogGroupCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateFlowLogsCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptSnapshot } from '../../checks/adapters/live/index.js';
import { linkModel } from '../../checks/adapters/link.js';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot, SnapshotResource } from '../../checks/sources/live/snapshot.js';
import { A, logGroup, snapshot as recorded, trail } from './records.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';
import { ACCOUNT } from './seed.js';

/**
 * Live account corrections: a multi-region trail homed outside the audited regions still counts, a flow
 * log without a destination ARN links to its log group by name, and account-wide settings are reported
 * once per account while regional ones are reported once per region.
 */

const HOME = 'us-east-1';
const AUDITED = 'us-west-2';
let moto: Moto;
let westOnly: Snapshot;
let both: Snapshot;
let trailArn: string;
let vpcId: string;

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const cfg = (region: string) => ({ region, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  await new S3Client({ ...cfg(HOME), forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: 'org-trail-logs' }));
  const ct = new CloudTrailClient(cfg(HOME));
  trailArn = (await ct.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'org-trail-logs', IsMultiRegionTrail: true, EnableLogFileValidation: true }))).TrailARN!;
  await ct.send(new StartLoggingCommand({ Name: 'main' }));
  await ct.send(new PutEventSelectorsCommand({ TrailName: 'main', EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] }));
  // A flow log created with a log group name only: DescribeFlowLogs then answers LogGroupName and no LogDestination.
  const ec2 = new EC2Client(cfg(AUDITED));
  vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.60.0.0/16' }))).Vpc!.VpcId!;
  const logs = new CloudWatchLogsClient(cfg(AUDITED));
  await logs.send(new CreateLogGroupCommand({ logGroupName: '/vpc/flow' }));
  await logs.send(new PutRetentionPolicyCommand({ logGroupName: '/vpc/flow', retentionInDays: 14 }));
  // the same name in another region, kept longer: the flow log must not link to it
  await new CloudWatchLogsClient(cfg(HOME)).send(new CreateLogGroupCommand({ logGroupName: '/vpc/flow' }));
  await ec2.send(new CreateFlowLogsCommand({ ResourceIds: [vpcId], ResourceType: 'VPC', TrafficType: 'ALL', LogGroupName: '/vpc/flow', DeliverLogsPermissionArn: `arn:aws:iam::${ACCOUNT}:role/flow-logs` }));
  westOnly = await collectSnapshot({ regions: [AUDITED], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  both = await collectSnapshot({ regions: [HOME, AUDITED], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
}, 120_000);

afterAll(async () => {
  await moto?.stop();
});

describe('a multi-region trail whose home region is not audited (moto)', () => {
  it('is read from its home region: recorded there, with status and event selectors, and no read error', () => {
    const trails = westOnly.resources.filter((r) => r.type === 'AWS::CloudTrail::Trail');
    expect(trails.map((t) => t.arn)).toEqual([trailArn]);
    const t = trails[0]!;
    expect(t.region).toBe(HOME);
    expect(t.errors).toBeUndefined();
    expect(t.data.status).toMatchObject({ IsLogging: true });
    expect((t.data.eventSelectors as { EventSelectors: unknown[] }).EventSelectors).toHaveLength(1);
    // the status and selectors were asked of the home region (moto, like AWS, knows a trail's selectors only there)
    // (event data stores are listed per audited region, apart from trails; moto does not implement them)
    const trailCalls = westOnly.calls.filter((c) => c.service === 'cloudtrail' && c.operation !== 'DescribeTrails' && c.operation !== 'ListEventDataStores');
    expect(trailCalls.length).toBeGreaterThanOrEqual(3);
    expect(trailCalls.every((c) => c.region === HOME && c.ok)).toBe(true);
    expect(westOnly.calls.filter((c) => c.operation === 'DescribeTrails').map((c) => c.region)).toEqual([AUDITED]);
  });

  it('counts for the account: the multi-region trail policy passes for an audit of us-west-2 alone', () => {
    const f = evaluateSnapshot(westOnly, 'live.json', ['aws-account-has-multi-region-trail', 'aws-cloudtrail-multi-region', 'aws-cloudtrail-log-file-validation']);
    expect(statusAt(f, 'aws-account-has-multi-region-trail', `arn:aws:::${ACCOUNT}:account`)).toBe('pass');
    expect(statusAt(f, 'aws-cloudtrail-multi-region', trailArn)).toBe('pass');
    expect(statusAt(f, 'aws-cloudtrail-log-file-validation', trailArn)).toBe('pass');
  });

  it('is read once when every region it records is audited (home and shadow)', () => {
    const trails = both.resources.filter((r) => r.type === 'AWS::CloudTrail::Trail');
    expect(trails.map((t) => `${t.arn}@${t.region}`)).toEqual([`${trailArn}@${HOME}`]);
    expect(both.calls.filter((c) => c.operation === 'GetEventSelectors')).toHaveLength(1);
  });
});

describe('a flow log that names its log group only (moto)', () => {
  it('links to the group of that name in its own region and is judged on its retention', () => {
    const fl = westOnly.resources.find((r) => r.type === 'AWS::EC2::FlowLog')!;
    expect(fl.data.LogGroupName).toBe('/vpc/flow');
    expect(fl.data.LogDestination).toBeUndefined();
    const model = linkModel(adaptSnapshot(both, 'live.json'));
    const flow = model.all().find((r) => r.kind === 'aws.ec2.flow-log')!;
    expect(model.linked(flow, 'logGroup').map((g) => g.id)).toEqual([`arn:aws:logs:${AUDITED}:${ACCOUNT}:log-group:/vpc/flow`]);
    // 14 days is below the profile's 365-day floor: a verdict, not "unknown"
    const f = evaluateSnapshot(both, 'live.json', ['aws-flow-log-retention']);
    expect(statusAt(f, 'aws-flow-log-retention', flow.id)).toBe('fail');
  });
});

describe('account-wide settings are reported once (recorded snapshots)', () => {
  const regions = ['us-east-1', 'us-west-2', 'eu-central-1'];
  const accountFindings = (s: Snapshot) =>
    evaluateSnapshot(s, 'live.json')
      .filter((f) => f.resource.kind === 'aws.account')
      .map((f) => `${f.policyId} ${f.resource.arn} ${f.status}`)
      .sort();

  it('global settings once per account, EBS defaults once per account and region', () => {
    const s = recorded([trail()], { regions, ebsEncryptionByDefault: false, s3AccountPublicAccessBlock: null });
    const wide = `arn:aws:::${A}:account`;
    expect(accountFindings(s)).toEqual(
      [
        `aws-account-has-multi-region-trail ${wide} pass`,
        `aws-account-s3-public-access-block ${wide} fail`,
        // The recording does not say which regions the account enables: those it did not read may hold data (unknown).
        `aws-resources-in-approved-regions ${wide} unknown`,
        ...regions.map((r) => `aws-ebs-default-encryption arn:aws::${r}:${A}:account fail`),
        // guard slice: root checks read the recorded account summary; what this recording lacks (password
        // policy, GuardDuty, Security Hub, Config) is an error, once per scope, never a pass.
        `aws-account-root-mfa ${wide} pass`,
        `aws-account-root-no-access-keys ${wide} pass`,
        `aws-account-root-not-used-recently ${wide} error`,
        `aws-iam-password-policy-strong ${wide} error`,
        ...regions.flatMap((r) => ['aws-guardduty-enabled', 'aws-securityhub-enabled', 'aws-config-recorder-enabled'].map((p) => `${p} arn:aws::${r}:${A}:account error`)),
        // guard slice (wave 3): the recorded trail delivers to no log group, so no CIS alarm can watch it; the
        // recording lacks Access Analyzer and Macie: an error per region.
        `aws-cloudwatch-cis-alarms ${wide} fail`,
        ...regions.flatMap((r) => ['aws-access-analyzer-enabled', 'aws-macie-enabled'].map((p) => `${p} arn:aws::${r}:${A}:account error`)),
        // org slice (wave 4): the recording lacks the account's place in its organisation: an error, once per account.
        `aws-scp-denies-unapproved-regions ${wide} error`,
        // live slice (issue 14): no EventBridge rule routes security findings in any recorded region: a fail, once per account.
        `aws-security-findings-alerted ${wide} fail`,
      ].sort(),
    );
  });

  it('an organisation member that could not be read gives one error per account policy, not one per region', () => {
    const member = '444455556666';
    const s: Snapshot = {
      ...recorded([trail()], { regions }),
      accounts: [
        { id: A, access: 'caller', status: 'collected', regions },
        { id: member, access: 'assumed-role', status: 'error', regions, error: { code: 'AccessDenied', message: 'not authorized to assume', call: 'sts:AssumeRole' } },
      ],
    };
    const memberFindings = evaluateSnapshot(s, 'live.json').filter((f) => f.resource.kind === 'aws.account' && f.account === member);
    const byPolicy = new Map<string, number>();
    for (const f of memberFindings) byPolicy.set(f.policyId, (byPolicy.get(f.policyId) ?? 0) + 1);
    expect([...byPolicy.keys()].sort()).toEqual(
      [
        'aws-account-has-multi-region-trail',
        'aws-account-s3-public-access-block',
        'aws-ebs-default-encryption',
        'aws-resources-in-approved-regions',
        // guard slice
        'aws-account-root-mfa',
        'aws-account-root-no-access-keys',
        'aws-account-root-not-used-recently',
        'aws-iam-password-policy-strong',
        'aws-guardduty-enabled',
        'aws-securityhub-enabled',
        'aws-config-recorder-enabled',
        // guard slice (wave 3)
        'aws-cloudwatch-cis-alarms',
        'aws-access-analyzer-enabled',
        'aws-macie-enabled',
        // org slice (wave 4)
        'aws-scp-denies-unapproved-regions',
        // live slice (issue 14)
        'aws-security-findings-alerted',
      ].sort(),
    );
    expect([...byPolicy.values()].every((n) => n === 1)).toBe(true);
    expect(memberFindings.every((f) => f.status === 'error' && f.message.includes('sts:AssumeRole failed (AccessDenied)'))).toBe(true);
  });

  it('a flow log without a destination does not link to a same-named group of another region or account', () => {
    const flow = (region: string, account = A): SnapshotResource => ({
      type: 'AWS::EC2::FlowLog',
      arn: `arn:aws:ec2:${region}:${account}:vpc-flow-log/fl-${region}`,
      region,
      account,
      data: { FlowLogId: `fl-${region}`, ResourceId: 'vpc-1', TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs', LogGroupName: '/vpc/flow' },
    });
    const east = { ...logGroup('/vpc/flow'), region: 'us-east-1' };
    const s = recorded([flow('us-west-2'), flow('us-east-1'), east], { regions: ['us-east-1', 'us-west-2'] });
    const model = linkModel(adaptSnapshot(s, 'live.json'));
    const byRegion = (region: string) => model.all().find((r) => r.kind === 'aws.ec2.flow-log' && r.region === region)!;
    expect(model.linked(byRegion('us-east-1'), 'logGroup').map((g) => g.id)).toEqual([east.arn]);
    expect(model.linked(byRegion('us-west-2'), 'logGroup')).toEqual([]);
    // the unlinked one names a group it cannot see: unknown, never a pass
    const f = evaluateSnapshot(s, 'live.json', ['aws-flow-log-retention']);
    expect(statusAt(f, 'aws-flow-log-retention', byRegion('us-west-2').id)).toBe('unknown');
  });
});
