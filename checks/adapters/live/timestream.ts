import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, liveResource, tagVals, unlistedKeyUnknown, type LiveAdapter } from './helpers/index.js';

/** A database as ListDatabases describes it, with its tags. */
const database: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.timestream.database', ctx, [rec.arn]);
  const key = dataAt(rec, 'KmsKeyId') as string | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'DatabaseName'),
    kmsKeyId: liveAttr(rec, ctx, 'KmsKeyId'),
    kmsKeyIsAwsManaged: keyFlag(ctx, key, unlistedKeyUnknown(liveDerived(rec, ctx, 'KmsKeyId', key ? keyIsAwsManaged(ctx, key) : true, [], key ? 'explicit' : 'default'))),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'KmsKeyId' }));
  return r;
};

/** A table as ListTables describes it, linked to its database by the database's ARN (names repeat across regions). */
const table: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.timestream.table', ctx);
  const db = dataAt(rec, 'DatabaseName') as string | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'TableName'),
    databaseName: liveAttr(rec, ctx, 'DatabaseName'),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  if (db) r.linkRefs!.push(liveLink(rec, ctx, 'database', rec.arn.replace(/\/table\/[^/]+$/, ''), ['aws.timestream.database'], { inverse: 'tables', attribute: 'DatabaseName' }));
  return r;
};

export const timestreamLiveAdapters: Record<string, LiveAdapter> = { 'AWS::Timestream::Database': database, 'AWS::Timestream::Table': table };
