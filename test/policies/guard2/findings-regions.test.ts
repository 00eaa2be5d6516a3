import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandCompactLive } from '../../../checks/authoring/live-fixture.js';
import { expandCompactPlan } from '../../../checks/authoring/plan-fixture.js';
import { defaultProfile, type Config } from '../../../checks/engine/config.js';
import type { Finding } from '../../../checks/engine/types.js';
import { InputError } from '../../../checks/errors.js';
import { loadCatalog } from '../../../checks/pipeline/catalog.js';
import { scanPaths } from '../../../checks/pipeline/scan.js';

// aws-security-findings-alerted across regions: GuardDuty and Security Hub send findings to EventBridge only in
// their own region, so a routed rule in one region leaves another region's findings unread unless Security Hub
// cross-Region aggregation brings them to the routed region. Each failing or unknown case below passed before.

const POLICY = 'aws-security-findings-alerted';
const catalog = loadCatalog();
const NOW = new Date('2026-12-01T00:00:00Z');
const base: Config = { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] };

async function verdict(file: string): Promise<Finding | undefined> {
  const { results } = await scanPaths([file], { config: base, catalog, now: NOW, cwd: join(file, '..'), hcl: { env: {} } });
  return results.findings.find((f) => f.policyId === POLICY);
}

function write(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'frfindings-')), name);
  writeFileSync(file, text);
  return file;
}

const PROVIDERS = `
provider "aws" {
  region = "us-east-1"
}
provider "aws" {
  alias  = "west"
  region = "us-west-2"
}
`;

/** A rule in us-east-1 (its pattern's sources given) routed to a subscribed topic. */
const route = (sources: string[]) => `
resource "aws_sns_topic" "alerts" {
  name = "security-alerts"
}
resource "aws_sns_topic_subscription" "on_call" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = "security@district.example"
}
resource "aws_cloudwatch_event_rule" "findings" {
  name          = "security-findings"
  event_pattern = jsonencode({ source = ${JSON.stringify(sources)} })
}
resource "aws_cloudwatch_event_target" "findings" {
  rule = aws_cloudwatch_event_rule.findings.name
  arn  = aws_sns_topic.alerts.arn
}
`;

const detectors = `
resource "aws_guardduty_detector" "east" {
  enable = true
}
resource "aws_guardduty_detector" "west" {
  provider = aws.west
  enable   = true
}
`;

const hubs = `
resource "aws_securityhub_account" "east" {}
resource "aws_securityhub_account" "west" {
  provider = aws.west
}
`;

const aggregator = (body: string) => `
resource "aws_securityhub_finding_aggregator" "this" {
${body}
}
`;

const BOTH = ['aws.guardduty', 'aws.securityhub'];
const hcl = (...parts: string[]) => verdict(write('main.tf', PROVIDERS + parts.join('\n')));

describe('security findings routing across regions (HCL)', () => {
  it('fails GuardDuty in two regions with a route in one (a pass before)', async () => {
    const f = await hcl(detectors, route(['aws.guardduty']));
    expect(f?.status).toBe('fail');
    expect(f?.messageId).toBe('security-findings-alerted/regionsUnrouted');
    expect(f?.message).toContain('us-west-2');
    expect(f?.message).toContain('routed rules are in us-east-1');
    expect(f?.evidence.regionsWithoutRoute).toEqual(['us-west-2']);
  });

  it('passes when each region with detection has its own route, or runs none', async () => {
    const west = route(['aws.guardduty']).replaceAll('"alerts"', '"alerts_west"').replaceAll('"on_call"', '"on_call_west"').replaceAll('"findings"', '"findings_west"').replaceAll('.alerts.', '.alerts_west.').replaceAll('.findings.', '.findings_west.');
    const withProvider = west.replace(/resource "([a-z_]+)" "([a-z_]+)" \{/g, 'resource "$1" "$2" {\n  provider = aws.west');
    expect((await hcl(detectors, route(['aws.guardduty']), withProvider))?.status).toBe('pass');
    // Detection only where the route is: nothing elsewhere to route.
    expect((await hcl('resource "aws_guardduty_detector" "east" {}', route(['aws.guardduty'])))?.status).toBe('pass');
  });

  it('passes through Security Hub cross-Region aggregation into the routed region', async () => {
    const f = await hcl(detectors, hubs, aggregator('  linking_mode = "ALL_REGIONS"'), route(BOTH));
    expect(f?.status).toBe('pass');
  });

  it('fails where the aggregation cannot carry the region', async () => {
    // the region is not linked
    expect((await hcl(detectors, hubs, aggregator('  linking_mode      = "SPECIFIED_REGIONS"\n  specified_regions = ["eu-west-1"]'), route(BOTH)))?.status).toBe('fail');
    expect((await hcl(detectors, hubs, aggregator('  linking_mode      = "ALL_REGIONS_EXCEPT_SPECIFIED"\n  specified_regions = ["us-west-2"]'), route(BOTH)))?.status).toBe('fail');
    // the routed rule hears GuardDuty only, and aggregated findings arrive as Security Hub findings
    expect((await hcl(detectors, hubs, aggregator('  linking_mode = "ALL_REGIONS"'), route(['aws.guardduty'])))?.status).toBe('fail');
    // us-west-2 runs GuardDuty but not Security Hub: nothing to aggregate
    expect((await hcl(detectors, 'resource "aws_securityhub_account" "east" {}', aggregator('  linking_mode = "ALL_REGIONS"'), route(BOTH)))?.status).toBe('fail');
    // aggregating into a region without a route
    const intoWest = aggregator('  provider     = aws.west\n  linking_mode = "ALL_REGIONS"');
    expect((await hcl(detectors, hubs, intoWest, route(BOTH)))?.status).toBe('fail');
  });

  it('is unknown when a region\'s detection or the linking is known only after apply', async () => {
    const maybe = `variable "west_on" {\n  type = bool\n}\nresource "aws_guardduty_detector" "west" {\n  provider = aws.west\n  enable   = var.west_on\n}\n`;
    const f = await hcl('resource "aws_guardduty_detector" "east" {}', maybe, route(['aws.guardduty']));
    expect(f?.status).toBe('unknown');
    expect(f?.messageId).toBe('security-findings-alerted/regionsOpen');
    const mode = `variable "mode" {\n  type = string\n}\n` + aggregator('  linking_mode = var.mode');
    expect((await hcl(detectors, hubs, mode, route(BOTH)))?.status).toBe('unknown');
  });

  it('refuses specified_regions that is not a list, with its place (exit 2)', async () => {
    const file = write('main.tf', PROVIDERS + detectors + hubs + aggregator('  linking_mode      = "SPECIFIED_REGIONS"\n  specified_regions = "us-west-2"') + route(BOTH));
    const err = await verdict(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/main\.tf:\d+: .*specified_regions is not a list/);
  });
});

describe('security findings routing across regions (plan)', () => {
  const records = (extra: unknown[]) => ({
    providers: { aws: { region: 'us-east-1' }, 'aws.west': { region: 'us-west-2' } },
    resources: [
      { address: 'aws_guardduty_detector.east', values: { enable: true }, unknown: ['id'] },
      { address: 'aws_guardduty_detector.west', provider: 'aws.west', values: { enable: true }, unknown: ['id'] },
      { address: 'aws_securityhub_account.east', values: { enable_default_standards: true }, unknown: ['id'] },
      { address: 'aws_securityhub_account.west', provider: 'aws.west', values: { enable_default_standards: true }, unknown: ['id'] },
      { address: 'aws_sns_topic.alerts', values: { name: 'security-alerts' }, unknown: ['arn', 'id'] },
      { address: 'aws_sns_topic_subscription.on_call', values: { protocol: 'email', endpoint: 'security@district.example' }, unknown: ['id', 'arn', 'topic_arn'], references: { topic_arn: ['aws_sns_topic.alerts.arn', 'aws_sns_topic.alerts'] } },
      { address: 'aws_cloudwatch_event_rule.findings', values: { name: 'security-findings', event_pattern: JSON.stringify({ source: BOTH }) }, defaults: { state: 'ENABLED', is_enabled: true }, unknown: ['arn', 'id'] },
      { address: 'aws_cloudwatch_event_target.findings', values: { rule: 'security-findings' }, unknown: ['arn', 'id', 'target_id'], references: { rule: ['aws_cloudwatch_event_rule.findings.name', 'aws_cloudwatch_event_rule.findings'], arn: ['aws_sns_topic.alerts.arn', 'aws_sns_topic.alerts'] } },
      ...extra,
    ],
  });
  const plan = async (extra: unknown[]) => verdict(write('plan.json', JSON.stringify(expandCompactPlan(records(extra) as never, 'test'))));

  it('gives the HCL verdicts: no aggregation fails, ALL_REGIONS into the routed region passes, unknown linking is unknown', async () => {
    expect((await plan([]))?.status).toBe('fail');
    expect((await plan([{ address: 'aws_securityhub_finding_aggregator.this', values: { linking_mode: 'ALL_REGIONS' }, unknown: ['id'] }]))?.status).toBe('pass');
    expect((await plan([{ address: 'aws_securityhub_finding_aggregator.this', values: {}, unknown: ['id', 'linking_mode'] }]))?.status).toBe('unknown');
  });
});

describe('security findings routing across regions (live)', () => {
  const ACCOUNT = '111122223333';
  const topic = `arn:aws:sns:us-east-1:${ACCOUNT}:security-alerts`;
  const resources = {
    'AWS::Events::Rule': [
      {
        arn: `arn:aws:events:us-east-1:${ACCOUNT}:rule/security-findings`,
        region: 'us-east-1',
        data: { Name: 'security-findings', EventPattern: JSON.stringify({ source: BOTH }), State: 'ENABLED', EventBusName: 'default', targets: [{ Id: 'alerts', Arn: topic }] },
      },
    ],
    'AWS::SNS::Topic': [{ arn: topic, region: 'us-east-1', data: { Name: 'security-alerts', Attributes: { TopicArn: topic, SubscriptionsConfirmed: '1' } } }],
    'AWS::SNS::Subscription': [{ arn: `${topic}:5d2f1c3e`, region: 'us-east-1', data: { SubscriptionArn: `${topic}:5d2f1c3e`, TopicArn: topic, Protocol: 'email', Owner: ACCOUNT } }],
  };
  const settings = (region: string, hub: boolean, aggregators: unknown) => ({
    guardDuty: { DetectorId: `d-${region}`, Status: 'ENABLED' },
    securityHub: hub ? { HubArn: `arn:aws:securityhub:${region}:${ACCOUNT}:hub/default` } : null,
    ...(aggregators === undefined ? {} : { securityHubAggregators: aggregators }),
  });
  async function live(west: Record<string, unknown>, eastAggregators: unknown = [], westErrors?: Record<string, unknown>): Promise<Finding | undefined> {
    const compact = {
      account: ACCOUNT,
      regions: ['us-east-1', 'us-west-2'],
      accountSettings: { 'us-east-1': settings('us-east-1', true, eastAggregators), 'us-west-2': westErrors ? { data: west, errors: westErrors } : west },
      resources,
    };
    return verdict(write('snapshot.json', JSON.stringify(expandCompactLive(compact as never, 'test'))));
  }

  it('fails an account whose other region runs GuardDuty with no route and no aggregation (a pass before)', async () => {
    const f = await live(settings('us-west-2', false, []));
    expect(f?.status).toBe('fail');
    expect(f?.message).toContain('us-west-2');
  });

  it('passes when the aggregator in the routed region links the other one', async () => {
    expect((await live(settings('us-west-2', true, []), [{ region: 'us-east-1', linkingMode: 'ALL_REGIONS', regions: [] }]))?.status).toBe('pass');
    expect((await live(settings('us-west-2', true, []), [{ region: 'us-east-1', linkingMode: 'SPECIFIED_REGIONS', regions: ['eu-west-1'] }]))?.status).toBe('fail');
  });

  it('is an error when the aggregator could not be read and would decide, or the region\'s detection could not be read', async () => {
    const f = await live(settings('us-west-2', true, undefined), [], { securityHubAggregators: { code: 'HTTP404', message: 'ListFindingAggregators answered 404', call: 'securityhub:ListFindingAggregators' } });
    expect(f?.status).toBe('error');
    expect(f?.message).toMatch(/ListFindingAggregators/);
    const unread = await live({ securityHub: null, securityHubAggregators: [] }, [], { guardDuty: { code: 'AccessDenied', message: 'denied', call: 'guardduty:ListDetectors' } });
    expect(unread?.status).toBe('error');
    expect(unread?.message).toMatch(/denied/);
  });
});
