import { defineKinds } from './spec.js';

export const transferKinds = defineKinds([
  {
    kind: 'aws.transfer.server',
    title: 'Transfer Family server (SFTP, FTPS, FTP, AS2)',
    terraform: ['aws_transfer_server'],
    attrs: {
      protocols: { type: 'string[]', description: 'Protocols clients connect with (protocols; live: Protocols). Default ["SFTP"].' },
      securityPolicyName: { type: 'string', description: 'Cipher and TLS policy of the endpoint (security_policy_name; live: SecurityPolicyName). Default TransferSecurityPolicy-2018-11.' },
      endpointType: { type: 'string', description: 'PUBLIC, VPC or VPC_ENDPOINT (endpoint_type; live: EndpointType). Default PUBLIC.' },
      loggingRole: { type: 'string', description: 'Role Transfer Family uses to write CloudWatch logs (logging_role; live: LoggingRole). Absent: no logs unless structured log destinations are set.' },
      structuredLogDestinations: { type: 'string[]', description: 'CloudWatch log groups that receive structured JSON logs (structured_log_destinations; live: StructuredLogDestinations). Default none.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {},
  },
]);
