import { GetDataCatalogEncryptionSettingsCommand, GlueClient } from '@aws-sdk/client-glue';
import type { SnapshotResource } from '../snapshot.js';
import { plain, type Collector } from './context.js';

const TYPE = 'AWS::Glue::DataCatalogEncryptionSettings';

/**
 * Glue: the Data Catalog's encryption settings, one record per region (every account has a catalog in every
 * region). A failed read is recorded like a failed list, so the catalog policies report `error` in that region.
 */
export async function collectGlue(c: Collector, region: string): Promise<void> {
  const client = c.client(GlueClient, region);
  const read = await c.read('glue', region, 'glue:GetDataCatalogEncryptionSettings', () => client.send(new GetDataCatalogEncryptionSettingsCommand({})));
  if (!read.ok && !read.notConfigured) {
    c.listFailed('glue', region, read.error, [TYPE]);
    return;
  }
  const settings = read.ok ? plain(read.value.DataCatalogEncryptionSettings ?? {}) : null;
  const rec: SnapshotResource = { type: TYPE, arn: c.arn('glue', region, 'catalog'), region, account: c.accountId, data: { CatalogId: c.accountId, DataCatalogEncryptionSettings: settings } };
  c.add(rec);
}
