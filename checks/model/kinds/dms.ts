import { DATA_CLASS, tagsAttr } from './common-attrs.js';
import { defineKinds } from './spec.js';

const TAGS = tagsAttr('not read, {}');

export const dmsKinds = defineKinds([
  {
    kind: 'aws.dms.replication-instance',
    title: 'DMS replication instance',
    terraform: ['aws_dms_replication_instance'],
    attrs: {
      name: { type: 'string', description: 'Replication instance identifier (replication_instance_id; live: ReplicationInstanceIdentifier).' },
      publiclyAccessible: {
        type: 'boolean',
        description:
          'The instance has a public IP address (publicly_accessible; live: PubliclyAccessible). Default true: AWS gives a replication instance a public address unless told otherwise, and the provider leaves the choice to AWS when the argument is not set.',
      },
      tags: TAGS,
      dataClass: DATA_CLASS,
    },
    links: {},
  },
  {
    kind: 'aws.dms.endpoint',
    title: 'DMS endpoint',
    terraform: ['aws_dms_endpoint'],
    attrs: {
      name: { type: 'string', description: 'Endpoint identifier (endpoint_id; live: EndpointIdentifier).' },
      endpointType: { type: 'string', description: 'source or target (endpoint_type; live: EndpointType, SOURCE or TARGET, lowercased).' },
      engineName: { type: 'string', description: 'The database or service the endpoint connects to (engine_name; live: EngineName), such as postgres, aurora-postgresql, mysql, sqlserver, s3.' },
      sslMode: {
        type: 'string',
        description: 'TLS on the connection to a database engine: none, require, verify-ca or verify-full (ssl_mode; live: SslMode). Default none. Service endpoints (s3, dynamodb, kinesis, ...) use HTTPS whatever it says.',
      },
      tags: TAGS,
      dataClass: DATA_CLASS,
    },
    links: {},
  },
]);
