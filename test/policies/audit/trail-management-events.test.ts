import { describe, expect, it } from 'vitest';
import { expandCompactLive } from '../../../checks/authoring/live-fixture.js';
import { expandCompactPlan } from '../../../checks/authoring/plan-fixture.js';
import type { Finding } from '../../../checks/engine/types.js';
import { scanText } from '../../helpers/scan-file.js';

// aws-account-has-multi-region-trail and the trail's management events. A multi-region trail whose selectors keep
// only data events, or only read-only management events, leaves every change to the account unrecorded; it passed
// the account before. Each failing, unknown and error case below was a pass.

const POLICY = 'aws-account-has-multi-region-trail';
async function verdict(name: string, text: string): Promise<Finding | undefined> {
  return (await scanText(name, text)).find((f) => f.policyId === POLICY);
}

const trail = (selectors: string, prefix = '') =>
  verdict(
    'main.tf',
    `${prefix}resource "aws_cloudtrail" "main" {\n  name                          = "account-audit"\n  s3_bucket_name                = "audit-logs"\n  is_multi_region_trail         = true\n  include_global_service_events = true\n${selectors}}\n`,
  );

const basic = (body: string) => `  event_selector {\n${body}    data_resource {\n      type   = "AWS::S3::Object"\n      values = ["arn:aws:s3:::records/"]\n    }\n  }\n`;
const advanced = (fields: string) => `  advanced_event_selector {\n    name = "sel"\n${fields}  }\n`;
const field = (name: string, values: string[]) => `    field_selector {\n      field  = "${name}"\n      equals = ${JSON.stringify(values)}\n    }\n`;

describe('management events of the account trail (HCL)', () => {
  it('passes a trail without selectors, and one whose selectors keep read and write management events', async () => {
    expect((await trail(''))?.status).toBe('pass');
    expect((await trail(basic('    read_write_type           = "All"\n    include_management_events = true\n')))?.status).toBe('pass');
    // a read-only and a write-only selector add up to all
    expect((await trail(basic('    read_write_type = "ReadOnly"\n') + basic('    read_write_type = "WriteOnly"\n')))?.status).toBe('pass');
    expect((await trail(advanced(field('eventCategory', ['Management'])) + advanced(field('eventCategory', ['Data']) + field('resources.type', ['AWS::S3::Object']))))?.status).toBe('pass');
  });

  it('fails a trail that keeps only data events, or only one side of the management events', async () => {
    const dataOnly = await trail(basic('    include_management_events = false\n'));
    expect(dataOnly?.status).toBe('fail');
    expect(dataOnly?.message).toContain('read and write management events');
    expect((await trail(basic('    read_write_type = "ReadOnly"\n')))?.status).toBe('fail');
    expect((await trail(advanced(field('eventCategory', ['Data']) + field('resources.type', ['AWS::S3::Object']))))?.status).toBe('fail');
    expect((await trail(advanced(field('eventCategory', ['Management']) + field('readOnly', ['true']))))?.status).toBe('fail');
  });

  it('is unknown when the selector that decides is known only after apply', async () => {
    const f = await trail(basic('    read_write_type = var.rw\n'), 'variable "rw" {\n  type = string\n}\n');
    expect(f?.status).toBe('unknown');
  });
});

describe('management events of the account trail (plan)', () => {
  const plan = (selectors: unknown[]) =>
    verdict(
      'plan.json',
      JSON.stringify(
        expandCompactPlan(
          {
            providers: { aws: { region: 'us-east-1' } },
            resources: [
              {
                address: 'aws_cloudtrail.main',
                values: { name: 'account-audit', s3_bucket_name: 'audit-logs', is_multi_region_trail: true, include_global_service_events: true, enable_logging: true, event_selector: selectors, advanced_event_selector: [] },
                unknown: ['arn', 'id', 'home_region'],
              },
            ],
          } as never,
          'test',
        ),
      ),
    );

  it('reads the planned selectors as the HCL does', async () => {
    const s3 = [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::records/'] }];
    expect((await plan([{ read_write_type: 'All', include_management_events: true, data_resource: s3, exclude_management_event_sources: [] }]))?.status).toBe('pass');
    expect((await plan([{ read_write_type: 'All', include_management_events: false, data_resource: s3, exclude_management_event_sources: [] }]))?.status).toBe('fail');
  });
});

describe('management events of the account trail (live)', () => {
  const ACCOUNT = '111122223333';
  const record = (name: string, selectors: unknown, errors?: unknown) => ({
    arn: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/${name}`,
    region: 'us-east-1',
    data: { Name: name, IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true, S3BucketName: 'audit-logs', HomeRegion: 'us-east-1', status: { IsLogging: true }, ...(selectors ? { eventSelectors: selectors } : {}) },
    ...(errors ? { errors } : {}),
  });
  const live = (trails: unknown[]) => verdict('snapshot.json', JSON.stringify(expandCompactLive({ account: ACCOUNT, regions: ['us-east-1'], resources: { 'AWS::CloudTrail::Trail': trails } } as never, 'test')));
  const unread = { eventSelectors: { code: 'AccessDenied', message: 'not authorized to GetEventSelectors', call: 'cloudtrail:GetEventSelectors' } };

  it('fails a trail whose selectors exclude management events, and passes one with none', async () => {
    expect((await live([record('data-only', { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: false, DataResources: [] }], AdvancedEventSelectors: [] })]))?.status).toBe('fail');
    expect((await live([record('plain', { EventSelectors: [], AdvancedEventSelectors: [] })]))?.status).toBe('pass');
  });

  it('is an error when the selectors could not be read, unless another trail qualifies', async () => {
    const f = await live([record('unread', undefined, unread)]);
    expect(f?.status).toBe('error');
    expect(f?.message).toMatch(/GetEventSelectors/);
    expect((await live([record('unread', undefined, unread), record('plain', { EventSelectors: [], AdvancedEventSelectors: [] })]))?.status).toBe('pass');
  });
});
