import { defineCheck, type CheckOutcome } from '../engine/code-check.js';
import { ofKind } from '../model/typed.js';

const messages = {
  encrypted: 'the Data Catalog of its region encrypts metadata ({mode}, {where})',
  notEncrypted: 'the Data Catalog of its region does not encrypt metadata (catalog_encryption_mode {mode}, {where})',
  notSeen: "its region's Data Catalog encryption settings are not in this input (aws_glue_data_catalog_encryption_settings, or a live audit of the region)",
  unknownMode: "its region's Data Catalog encryption mode is known only after apply ({where})",
} as const;

const ENCRYPTED = ['SSE-KMS', 'SSE-KMS-WITH-SERVICE-ROLE'];

/**
 * A Glue database or table holds no records of its own encryption: its metadata (names, columns, partition
 * locations, sometimes sample values in comments and parameters) is encrypted, or not, by the Data Catalog of its
 * account and region (one per region). The check finds that catalog's settings among the same source's
 * aws.glue.data-catalog resources of the entry's region and judges their mode; settings the input does not hold
 * are unknown (unseen is not pass), settings that could not be read are an error.
 */
export const codeCheck = defineCheck({
  name: 'glue-catalog-encrypted',
  description: "The Glue database or table is in a Data Catalog whose encryption settings encrypt metadata with KMS.",
  kinds: ['aws.glue.catalog-entry'],
  messages,
  evaluate(r, ctx): CheckOutcome<typeof messages> {
    const catalogs = ofKind(ctx.model, 'aws.glue.data-catalog').filter(
      (c) => c.source === r.source && (!c.region || !r.region || c.region === r.region) && (!c.account || !r.account || c.account === r.account),
    );
    const unread = catalogs.find((c) => c.readError || c.attrs.catalogEncryptionMode?.error);
    if (unread) return { truth: 'error', evidence: [], loc: r.loc, error: unread.readError ?? unread.attrs.catalogEncryptionMode?.error };
    if (!catalogs.length) return { truth: 'unknown', evidence: [], loc: r.loc, message: { id: 'notSeen' } };
    let unknownAt: string | undefined;
    for (const c of catalogs) {
      const mode = c.attrs.catalogEncryptionMode;
      const where = c.address ?? c.arn ?? c.id;
      const evidence = [{ path: `dataCatalog[${where}].catalogEncryptionMode`, value: mode?.origin === 'unknown' ? '(known after apply)' : mode?.value, loc: mode?.loc ?? c.loc }];
      if (mode?.origin === 'unknown' || typeof mode?.value !== 'string') {
        unknownAt ??= where;
        continue;
      }
      if (!ENCRYPTED.includes(mode.value)) return { truth: 'false', evidence, loc: mode.loc ?? c.loc, message: { id: 'notEncrypted', data: { mode: mode.value, where } } };
      if (!unknownAt && c === catalogs[catalogs.length - 1]) return { truth: 'true', evidence, loc: r.loc, message: { id: 'encrypted', data: { mode: mode.value, where } } };
    }
    return { truth: 'unknown', evidence: [], loc: r.loc, message: { id: 'unknownMode', data: { where: unknownAt ?? '' } } };
  },
});
