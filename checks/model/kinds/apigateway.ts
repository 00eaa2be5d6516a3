import { defineKinds } from './spec.js';

export const apigatewayKinds = defineKinds([
  {
    kind: 'aws.apigateway.route',
    title: 'API Gateway REST API method or HTTP API route',
    terraform: ['aws_api_gateway_method', 'aws_apigatewayv2_route'],
    attrs: {
      apiType: { type: 'string', description: "'rest' (aws_api_gateway_method) | 'http' (aws_apigatewayv2_route, HTTP and WebSocket APIs)." },
      httpMethod: { type: 'string', description: "HTTP method, upper case (http_method; for a route the first word of route_key, 'ANY' for $default)." },
      routeKey: { type: 'string', description: 'route_key of an HTTP API route (`GET /grades`, `$default`); absent for REST methods.' },
      authorizationType: {
        type: 'string',
        description: "Authorization, upper case: NONE | AWS_IAM | CUSTOM | COGNITO_USER_POOLS (REST `authorization`, required) or NONE | JWT | AWS_IAM | CUSTOM (HTTP `authorization_type`, default NONE).",
      },
    },
    links: {},
  },
  {
    kind: 'aws.apigateway.stage',
    title: 'API Gateway REST or HTTP API stage',
    terraform: ['aws_api_gateway_stage', 'aws_apigatewayv2_stage'],
    attrs: {
      apiType: { type: 'string', description: "'rest' (aws_api_gateway_stage) | 'http' (aws_apigatewayv2_stage)." },
      name: { type: 'string', description: 'Stage name (stage_name / name).' },
      accessLoggingEnabled: { type: 'boolean', description: 'Access logs are delivered (an access_log_settings block). Default false.' },
      accessLogDestination: { type: 'string', description: 'access_log_settings.destination_arn (a log group or Firehose stream; computed in a plan when it names a resource).' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`).' },
      dataClass: { type: 'string', description: 'Lowercased value of the first profile classificationTagKeys tag.' },
    },
    links: {},
  },
]);
