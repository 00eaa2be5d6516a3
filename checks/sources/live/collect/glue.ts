import { GetDataCatalogEncryptionSettingsCommand, GlueClient } from '@aws-sdk/client-glue';
import type { SnapshotResource } from '../snapshot.js';
import { facet, plain, type Collector } from './context.js';

/**
 * Glue: the Data Catalog's encryption settings, one record per region (every account has a catalog in every
 * region, so a failed read is an error of that record, never a missing one).
 */
export async function collectGlue(c: Collector, region: string): Promise<void> {
  const client = c.client(GlueClient, region);
  const arn = c.arn('glue', region, 'catalog');
  const rec: SnapshotResource = { type: 'AWS::Glue::DataCatalogEncryptionSettings', arn, region, account: c.accountId, data: { CatalogId: c.accountId } };
  facet(rec, 'DataCatalogEncryptionSettings', await c.read('glue', region, 'glue:GetDataCatalogEncryptionSettings', () => client.send(new GetDataCatalogEncryptionSettingsCommand({}))), (v) => plain(v.DataCatalogEncryptionSettings ?? {}));
  c.add(rec);
}
