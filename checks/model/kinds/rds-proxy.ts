import { DATA_CLASS, tagsAttr } from './common-attrs.js';
import { defineKinds } from './spec.js';

export const rdsProxyKinds = defineKinds([
  {
    kind: 'aws.rds.proxy',
    title: 'RDS Proxy',
    terraform: ['aws_db_proxy'],
    attrs: {
      name: { type: 'string', description: 'Proxy name (name; live: DBProxyName).' },
      engineFamily: { type: 'string', description: 'MYSQL, POSTGRESQL or SQLSERVER (engine_family; live: EngineFamily).' },
      requireTls: {
        type: 'boolean',
        description:
          'Clients must connect to the proxy over TLS (require_tls; live: RequireTLS). Default false: the proxy accepts plaintext connections, whatever the database behind it requires (the proxy opens its own connection to the database).',
      },
      debugLogging: {
        type: 'boolean',
        description: 'The proxy logs the SQL statements it relays, with their values, to CloudWatch Logs (debug_logging; live: DebugLogging). Default false.',
      },
      tags: tagsAttr('not read, {}'),
      dataClass: DATA_CLASS,
    },
    links: {},
  },
]);
