import { defineKinds } from './spec.js';

export const rdsGlobalKinds = defineKinds([
  {
    kind: 'aws.rds.global-cluster',
    title: 'Aurora global database (RDS global cluster)',
    terraform: ['aws_rds_global_cluster'],
    attrs: {
      identifier: { type: 'string', description: 'Global cluster identifier (global_cluster_identifier; live: GlobalClusterIdentifier).' },
      storageEncrypted: {
        type: 'boolean',
        description:
          'The global database\'s storage is encrypted in every region (storage_encrypted; live: StorageEncrypted). Default false; built from a source cluster (source_db_cluster_identifier) without the argument, it is the source cluster\'s setting: unknown here.',
      },
      deletionProtection: { type: 'boolean', description: 'The global database cannot be deleted while on (deletion_protection; live: DeletionProtection). Default false.' },
      engine: { type: 'string', description: 'Engine (engine; live: Engine); computed in a plan when built from a source cluster.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: TagList as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {},
  },
]);
