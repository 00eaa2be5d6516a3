import { dataAt, liveAttr, liveDerived, liveLink, liveRefToken, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A database as GetDatabases lists it, with its tags (facet `tags`). */
const database: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.glue.catalog-entry', ctx, [dataAt(rec, 'Name'), liveRefToken(rec.arn)]);
  r.attrs = {
    entryType: liveDerived(rec, ctx, 'entryType', 'database', []),
    name: liveAttr(rec, ctx, 'Name'),
    databaseName: liveAttr(rec, ctx, 'Name'),
    catalogId: liveAttr(rec, ctx, 'CatalogId', { default: rec.account }),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  return r;
};

/** A table as GetTables lists it (tables carry no tags: classified as their database, by its ARN). */
const table: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.glue.catalog-entry', ctx);
  r.attrs = {
    entryType: liveDerived(rec, ctx, 'entryType', 'table', []),
    name: liveAttr(rec, ctx, 'Name'),
    databaseName: liveAttr(rec, ctx, 'DatabaseName'),
    catalogId: liveAttr(rec, ctx, 'CatalogId', { default: rec.account }),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  const database = rec.arn.replace(/:table\/([^/]+)\/[^/]+$/, ':database/$1');
  r.linkRefs!.push(liveLink(rec, ctx, 'database', database === rec.arn ? [] : [liveRefToken(database)], ['aws.glue.catalog-entry'], { attribute: 'DatabaseName' }));
  r.classifiedBy = 'database';
  return r;
};

export const glueCatalogLiveAdapters: Record<string, LiveAdapter> = { 'AWS::Glue::Database': database, 'AWS::Glue::Table': table };
