import { describe, expect, it } from 'vitest';
import { expandCompactLive } from '../../../checks/authoring/live-fixture.js';
import { UNKNOWN } from '../../../checks/model/value.js';
import { evaluateSnapshot, model, rec, statusAt, verdicts } from '../../helpers/policy-tester.js';

/** Verdicts of the apis slice's policies on hand-built records and snapshots: the cases the fixtures do not show. */

describe('aws-apigateway-api-stages-logged', () => {
  const id = 'aws-apigateway-api-stages-logged';
  const api = rec('aws_apigatewayv2_api.roster', { name: 'roster', protocol_type: 'HTTP' });
  const logs = [{ destination_arn: 'arn:aws:logs:us-east-1:111122223333:log-group:/apigw/roster', format: '$context.requestId' }];
  const stage = (name: string, values: Record<string, unknown>, apiAddress = 'aws_apigatewayv2_api.roster') =>
    rec(`aws_apigatewayv2_stage.${name}`, { name, ...values }, { references: { api_id: [apiAddress] } });

  it('an API with no stage in the input is unknown, never a pass (a logged stage of another API does not count)', () => {
    expect(verdicts(id, model([api]))['aws_apigatewayv2_api.roster']).toBe('unknown');
    const other = rec('aws_apigatewayv2_api.other', { name: 'other', protocol_type: 'HTTP' });
    expect(verdicts(id, model([api, other, stage('o', { access_log_settings: logs }, 'aws_apigatewayv2_api.other')]))).toEqual({ 'aws_apigatewayv2_api.roster': 'unknown', 'aws_apigatewayv2_api.other': 'pass' });
  });
  it('a stage whose access log settings are known only after apply is unknown; one unlogged stage fails the API', () => {
    expect(verdicts(id, model([api, stage('a', { access_log_settings: UNKNOWN })]))['aws_apigatewayv2_api.roster']).toBe('unknown');
    expect(verdicts(id, model([api, stage('a', { access_log_settings: logs }), stage('b', {})]))['aws_apigatewayv2_api.roster']).toBe('fail');
  });
  it('live: stages that could not be listed make every API of that region an error, not a pass', () => {
    const apiArn = 'arn:aws:apigateway:us-east-1::/apis/f6g7h8i9j0';
    const snapshot = expandCompactLive(
      {
        resources: { 'AWS::ApiGatewayV2::Api': [{ arn: apiArn, data: { ApiId: 'f6g7h8i9j0', Name: 'sis-http', ProtocolType: 'HTTP' } }] },
        errors: [{ service: 'apigateway', region: 'us-east-1', code: 'AccessDenied', message: 'denied', call: 'apigateway:GET', resourceTypes: ['AWS::ApiGatewayV2::Stage'] }],
      },
      'test',
    );
    expect(statusAt(evaluateSnapshot(snapshot, 'snapshot.json', [id]), id, apiArn)).toBe('error');
    const seen = expandCompactLive({ resources: { 'AWS::ApiGatewayV2::Api': [{ arn: apiArn, data: { ApiId: 'f6g7h8i9j0', Name: 'sis-http', ProtocolType: 'HTTP' } }] } }, 'test');
    expect(statusAt(evaluateSnapshot(seen, 'snapshot.json', [id]), id, apiArn)).toBe('unknown');
  });
});
