import { defineKinds } from './spec.js';

export const apigatewayKinds = defineKinds([
  {
    kind: 'aws.apigateway.route',
    title: 'API Gateway REST API method or HTTP API route',
    terraform: ['aws_api_gateway_method', 'aws_apigatewayv2_route'],
    attrs: {
      apiType: { type: 'string', description: "'rest' (aws_api_gateway_method; live: GetResources methods) | 'http' (aws_apigatewayv2_route, HTTP and WebSocket APIs; live: GetRoutes)." },
      httpMethod: { type: 'string', description: "HTTP method, upper case (http_method; live: httpMethod; for a route the first word of route_key / RouteKey, 'ANY' for $default)." },
      routeKey: { type: 'string', description: 'route_key of an HTTP API route (live: RouteKey; `GET /grades`, `$default`); absent for REST methods.' },
      authorizationType: {
        type: 'string',
        description: "Authorization, upper case: NONE | AWS_IAM | CUSTOM | COGNITO_USER_POOLS (REST `authorization`, required; live: authorizationType, always answered) or NONE | JWT | AWS_IAM | CUSTOM (HTTP `authorization_type`, live AuthorizationType, default NONE).",
      },
    },
    links: {},
  },
  {
    kind: 'aws.apigateway.stage',
    title: 'API Gateway REST or HTTP API stage',
    terraform: ['aws_api_gateway_stage', 'aws_apigatewayv2_stage', 'aws_api_gateway_method_settings'],
    attrs: {
      apiType: { type: 'string', description: "'rest' (aws_api_gateway_stage) | 'http' (aws_apigatewayv2_stage)." },
      name: { type: 'string', description: 'Stage name (stage_name / name).' },
      accessLoggingEnabled: { type: 'boolean', description: 'Access logs are delivered (an access_log_settings block). Default false.' },
      accessLogDestination: { type: 'string', description: 'access_log_settings.destination_arn (a log group or Firehose stream; computed in a plan when it names a resource).' },
      wafAssociated: {
        type: 'boolean',
        description: 'A WAF web ACL is associated with the REST stage (an aws_wafv2_web_acl_association or aws_wafregional_web_acl_association whose resource_arn names it). Default false. HTTP API stages cannot have one.',
      },
      wafWebAclArn: { type: 'string', description: 'The associated web ACL (the association\'s web_acl_arn / web_acl_id; computed in a plan when the ACL is created in the same run).' },
      cacheClusterEnabled: { type: 'boolean', description: 'A cache cluster is provisioned for the REST stage (cache_cluster_enabled). Default false.' },
      methodSettings: {
        type: 'object[]',
        description: 'Method settings of the REST stage (aws_api_gateway_method_settings facets, appended). Empty when none names the stage.',
        fields: {
          methodPath: 'method_path (`*/*` for every method, or `resource/METHOD`)',
          cachingEnabled: 'settings.caching_enabled (default false)',
          cacheDataEncrypted: 'settings.cache_data_encrypted (default false)',
        },
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`).' },
      dataClass: { type: 'string', description: 'Lowercased value of the first profile classificationTagKeys tag.' },
    },
    links: {
      api: { kinds: ['aws.apigateway.api'], description: 'The REST or HTTP API of the stage (rest_api_id / api_id; live: restApiId / ApiId). Inverse: api `stages`.' },
    },
  },
  {
    kind: 'aws.apigateway.domain-name',
    title: 'API Gateway custom domain name (REST, or HTTP/WebSocket)',
    terraform: ['aws_api_gateway_domain_name', 'aws_apigatewayv2_domain_name'],
    attrs: {
      apiType: { type: 'string', description: "'rest' (aws_api_gateway_domain_name) | 'http' (aws_apigatewayv2_domain_name)." },
      domainName: { type: 'string', description: 'The custom domain (domain_name).' },
      securityPolicy: {
        type: 'string',
        description:
          'Minimum TLS version and ciphers offered to clients: TLS_1_0 | TLS_1_2 | an enhanced SecurityPolicy_* (REST security_policy, Optional+Computed: TLS_1_0, the API default, when not configured; HTTP domain_name_configuration.security_policy, required, TLS_1_2 only).',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`).' },
      dataClass: { type: 'string', description: 'Lowercased value of the first profile classificationTagKeys tag.' },
    },
    links: {},
  },
  // apis slice (issue 14, wave 4)
  {
    kind: 'aws.apigateway.api',
    title: 'API Gateway REST API or HTTP/WebSocket API',
    terraform: ['aws_api_gateway_rest_api', 'aws_apigatewayv2_api'],
    attrs: {
      apiType: { type: 'string', description: "'rest' (aws_api_gateway_rest_api; live: AWS::ApiGateway::RestApi) | 'http' (aws_apigatewayv2_api, HTTP and WebSocket; live: AWS::ApiGatewayV2::Api)." },
      name: { type: 'string', description: 'API name (name; live: name / Name).' },
      protocolType: { type: 'string', description: "HTTP | WEBSOCKET (aws_apigatewayv2_api protocol_type; live: ProtocolType); REST for a REST API." },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: tags / Tags).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      stages: { kinds: ['aws.apigateway.stage'], description: 'Inverse of stage `api`: the stages deployed from this API that the input holds.' },
    },
  },
]);
