import { defineKinds } from './spec.js';

// apis slice (issue 14, wave 4)
export const appsyncKinds = defineKinds([
  {
    kind: 'aws.appsync.graphql-api',
    title: 'AppSync GraphQL API',
    terraform: ['aws_appsync_graphql_api'],
    attrs: {
      name: { type: 'string', description: 'API name (name; live: name of ListGraphqlApis).' },
      authenticationType: {
        type: 'string',
        description: 'Primary authorization: API_KEY | AWS_IAM | AMAZON_COGNITO_USER_POOLS | OPENID_CONNECT | AWS_LAMBDA (authentication_type, required; live: authenticationType).',
      },
      authenticationTypes: {
        type: 'string[]',
        description: 'The primary and every additional authorization type (additional_authentication_provider blocks; live: additionalAuthenticationProviders).',
      },
      fieldLogLevel: {
        type: 'string',
        description: 'Field-level resolver logging to CloudWatch Logs: NONE | ERROR | INFO | DEBUG | ALL (log_config.field_log_level; live: logConfig.fieldLogLevel). NONE when there is no log_config block.',
      },
      cached: { type: 'boolean', description: 'The API has a server-side cache of resolver results (an aws_appsync_api_cache; live: GetApiCache answers one). Default false.' },
      cacheAtRestEncryption: { type: 'boolean', description: 'The cache encrypts what it stores (at_rest_encryption_enabled; live: apiCache.atRestEncryptionEnabled). Default false; absent without a cache.' },
      cacheTransitEncryption: {
        type: 'boolean',
        description: 'The cache encrypts traffic between the API and the cache nodes (transit_encryption_enabled; live: apiCache.transitEncryptionEnabled). Default false; absent without a cache.',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: tags).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {},
  },
]);
