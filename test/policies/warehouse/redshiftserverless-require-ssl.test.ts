import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expandCompactLive } from '../../../checks/authoring/live-fixture.js';
import { scanText } from '../../helpers/scan-file.js';

// aws-redshiftserverless-workgroup-require-ssl beyond its fixtures: a workgroup whose configuration does not set
// require_ssl runs with a service default the input does not show, so it is unknown, never a pass; a value in
// another case is read as the service reads it.

const POLICY = 'aws-redshiftserverless-workgroup-require-ssl';
const statuses = async (name: string, text: string) =>
  Object.fromEntries((await scanText(name, text)).filter((f) => f.policyId === POLICY).map((f) => [f.resource.address ?? f.resource.arn, f.status]));

const workgroup = (name: string, params: string) => `resource "aws_redshiftserverless_workgroup" "${name}" {
  namespace_name = "reporting"
  workgroup_name = "${name}"
${params}}
`;
const param = (key: string, value: string) => `  config_parameter {\n    parameter_key   = "${key}"\n    parameter_value = ${value}\n  }\n`;

describe('Redshift Serverless require_ssl', () => {
  it('HCL: unset (no block, or only other parameters) and a value known only after apply are unknown; "TRUE" passes, "false" fails', async () => {
    const text =
      workgroup('bare', '') +
      workgroup('other', param('enable_user_activity_logging', '"true"')) +
      workgroup('later', param('require_ssl', 'var.ssl')) +
      workgroup('upper', param('require_ssl', '"TRUE"')) +
      workgroup('off', param('require_ssl', '"false"')) +
      'variable "ssl" {\n  type = string\n}\n';
    expect(await statuses('main.tf', text)).toEqual({
      'aws_redshiftserverless_workgroup.bare': 'unknown',
      'aws_redshiftserverless_workgroup.other': 'unknown',
      'aws_redshiftserverless_workgroup.later': 'unknown',
      'aws_redshiftserverless_workgroup.upper': 'pass',
      'aws_redshiftserverless_workgroup.off': 'fail',
    });
  });

  it('live: a workgroup whose configParameters do not list require_ssl is unknown, never the default', async () => {
    const pass = parse(readFileSync(new URL('../../../fixtures/aws-redshiftserverless-workgroup-require-ssl/pass/live.yaml', import.meta.url), 'utf8'));
    const wg = pass.resources['AWS::RedshiftServerless::Workgroup'][0];
    wg.data.configParameters = wg.data.configParameters.filter((p: { parameterKey: string }) => p.parameterKey !== 'require_ssl');
    const snapshot = expandCompactLive({ account: '111122223333', regions: ['us-east-1'], resources: { 'AWS::RedshiftServerless::Workgroup': [wg] } } as never, 'test');
    expect(await statuses('snapshot.json', JSON.stringify(snapshot))).toEqual({ [wg.arn]: 'unknown' });
  });
});
