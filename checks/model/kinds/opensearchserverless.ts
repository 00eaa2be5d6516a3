import { defineKinds } from './spec.js';

export const opensearchServerlessKinds = defineKinds([
  {
    kind: 'aws.opensearchserverless.collection',
    title: 'OpenSearch Serverless collection',
    terraform: ['aws_opensearchserverless_collection'],
    attrs: {
      name: { type: 'string', description: 'Collection name (name; live: name of BatchGetCollection). Security policies match it by `collection/<name>` patterns.' },
      collectionType: { type: 'string', description: 'SEARCH, TIMESERIES or VECTORSEARCH (type; live: type). Default TIMESERIES.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: ListTagsForResource as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {},
  },
  {
    kind: 'aws.opensearchserverless.security-policy',
    title: 'OpenSearch Serverless encryption or network security policy',
    terraform: ['aws_opensearchserverless_security_policy'],
    attrs: {
      name: { type: 'string', description: 'Policy name (name; live: securityPolicyDetail.name).' },
      policyType: { type: 'string', description: 'encryption or network (type; live: securityPolicyDetail.type).' },
      policy: {
        type: 'json',
        description:
          'The policy document (policy; live: securityPolicyDetail.policy). Encryption: { Rules: [{ ResourceType, Resource: [patterns] }], AWSOwnedKey, KmsARN }; network: a list of { Rules, AllowFromPublic, SourceVPCEs }.',
      },
    },
    links: {},
  },
]);
