import { defineKinds } from './spec.js';

export const opensearchKinds = defineKinds([
  {
    kind: 'aws.opensearch.domain',
    title: 'OpenSearch Service domain (OpenSearch or legacy Elasticsearch engine)',
    terraform: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
    attrs: {
      name: { type: 'string', description: 'Domain name (domain_name; live: DomainName).' },
      engineVersion: { type: 'string', description: 'Engine and version, "OpenSearch_2.11" or "Elasticsearch_7.10" (engine_version / elasticsearch_version; live: EngineVersion); computed in a plan when not configured.' },
      encryptAtRest: { type: 'boolean', description: 'Data, indexes, logs and snapshots are encrypted at rest (encrypt_at_rest.enabled; live: EncryptionAtRestOptions.Enabled). Default false.' },
      nodeToNodeEncryption: { type: 'boolean', description: 'Traffic between the nodes of the domain is TLS-encrypted (node_to_node_encryption.enabled; live: NodeToNodeEncryptionOptions.Enabled). Default false.' },
      enforceHttps: {
        type: 'boolean',
        description: 'The endpoint refuses plain HTTP (domain_endpoint_options.enforce_https, the provider default true inside the block; live: DomainEndpointOptions.EnforceHTTPS). Without the block, the API default false.',
      },
      tlsSecurityPolicy: {
        type: 'string',
        description: 'TLS policy of the HTTPS endpoint (domain_endpoint_options.tls_security_policy; live: DomainEndpointOptions.TLSSecurityPolicy). Default "Policy-Min-TLS-1-0-2019-07", the API default, which admits TLS 1.0.',
      },
      vpcSubnetIds: { type: 'string[]', description: 'Subnets of a VPC domain (vpc_options.subnet_ids; live: VPCOptions.SubnetIds). Default none: a public endpoint.' },
      inVpc: { type: 'boolean', description: 'Derived: the domain is placed in a VPC (at least one subnet), so it has no public endpoint.' },
      auditLogsPublished: {
        type: 'boolean',
        description: 'Derived: a log_publishing_options block with log_type AUDIT_LOGS is enabled (its enabled defaults to true) (live: LogPublishingOptions.AUDIT_LOGS.Enabled). Default false: no block.',
      },
      fineGrainedAccessControl: {
        type: 'boolean',
        description: 'Fine-grained access control (users, roles, document- and field-level security) is on (advanced_security_options.enabled; live: AdvancedSecurityOptions.Enabled). Default false.',
      },
      anonymousAuthEnabled: {
        type: 'boolean',
        description:
          'Requests without credentials are let in as the anonymous user and get its role (advanced_security_options.anonymous_auth_enabled, meant for a migration to fine-grained access control; live: AdvancedSecurityOptions.AnonymousAuthEnabled). Default false.',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'VPC security groups (vpc_options.security_group_ids); each group gets the inverse link `attachedResources`.' },
    },
  },
]);
