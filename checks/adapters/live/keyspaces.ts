import { dataAt, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A keyspace as ListKeyspaces describes it, with its tags. */
const keyspace: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.keyspaces.keyspace', ctx, [rec.arn.replace(/\/$/, '')]);
  r.attrs = { name: liveAttr(rec, ctx, 'keyspaceName'), ...tagVals(rec, ctx, 'tags', 'tags') };
  return r;
};

/** A table as GetTable (facet `table`) describes it, linked to its keyspace by the keyspace's ARN. */
const table: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.keyspaces.table', ctx);
  const type = dataAt(rec, 'table.encryptionSpecification.type') as string | undefined;
  const pitr = dataAt(rec, 'table.pointInTimeRecovery.status') as string | undefined;
  const key = dataAt(rec, 'table.encryptionSpecification.kmsKeyIdentifier') as string | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'tableName'),
    keyspaceName: liveAttr(rec, ctx, 'keyspaceName'),
    kmsKeyId: liveAttr(rec, ctx, 'table.encryptionSpecification.kmsKeyIdentifier'),
    kmsKeyIsAwsManaged: liveDerived(rec, ctx, 'table.encryptionSpecification.type', type !== 'CUSTOMER_MANAGED_KMS_KEY', ['table'], type ? 'explicit' : 'default'),
    pointInTimeRecovery: liveDerived(rec, ctx, 'table.pointInTimeRecovery.status', pitr === 'ENABLED', ['table'], pitr ? 'explicit' : 'default'),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'keyspace', rec.arn.replace(/\/table\/[^/]+\/?$/, ''), ['aws.keyspaces.keyspace'], { inverse: 'tables', attribute: 'keyspaceName' }));
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'table.encryptionSpecification.kmsKeyIdentifier' }));
  return r;
};

export const keyspacesLiveAdapters: Record<string, LiveAdapter> = { 'AWS::Cassandra::Keyspace': keyspace, 'AWS::Cassandra::Table': table };
