import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../../checks/model/value.js';
import { model, rec, verdicts } from '../../helpers/policy-tester.js';

/** Verdicts of the lakes-apis slice's policies on hand-built plan records: the cases the fixtures do not show. */
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('aws-glue-catalog-entry-encrypted', () => {
  const id = 'aws-glue-catalog-entry-encrypted';
  const entries = [rec('aws_glue_catalog_database.grades', { name: 'grades' }, { region: 'us-east-1' }), rec('aws_glue_catalog_table.scores', { name: 'scores', database_name: 'grades' }, { region: 'us-east-1' })];
  const settings = (mode: unknown, region = 'us-east-1') => rec('aws_glue_data_catalog_encryption_settings.this', { data_catalog_encryption_settings: [{ encryption_at_rest: [{ catalog_encryption_mode: mode }] }] }, { region });

  it('a configuration without the region catalog settings is unknown for every database and table, never a pass', () => {
    expect(verdicts(id, model(entries))).toEqual({ 'aws_glue_catalog_database.grades': 'unknown', 'aws_glue_catalog_table.scores': 'unknown' });
  });
  it('settings of another region do not decide; a mode known only after apply is unknown', () => {
    expect(verdicts(id, model([...entries, settings('SSE-KMS', 'us-west-2')]))['aws_glue_catalog_table.scores']).toBe('unknown');
    expect(verdicts(id, model([...entries, settings(UNKNOWN)]))['aws_glue_catalog_table.scores']).toBe('unknown');
  });
  it('the region catalog mode decides: SSE-KMS passes, DISABLED fails', () => {
    expect(verdicts(id, model([...entries, settings('SSE-KMS')]))['aws_glue_catalog_database.grades']).toBe('pass');
    expect(verdicts(id, model([...entries, settings('DISABLED')]))['aws_glue_catalog_table.scores']).toBe('fail');
  });
});

describe('aws-opensearchserverless-collection-cmk-encrypted and -not-publicly-accessible', () => {
  const collection = rec('aws_opensearchserverless_collection.grades', { name: 'grades-search', type: 'SEARCH' });
  const policy = (name: string, type: string, doc: unknown) => rec(`aws_opensearchserverless_security_policy.${name}`, { name, type, policy: typeof doc === 'string' ? doc : JSON.stringify(doc) });
  const enc = (pattern: string, body: Record<string, unknown>) => ({ Rules: [{ ResourceType: 'collection', Resource: [pattern] }], ...body });
  const cmk = 'aws-opensearchserverless-collection-cmk-encrypted';
  const net = 'aws-opensearchserverless-collection-not-publicly-accessible';
  const at = 'aws_opensearchserverless_collection.grades';

  it('a collection no policy of the input matches is unknown (a pattern of another name does not match)', () => {
    expect(verdicts(cmk, model([collection]))[at]).toBe('unknown');
    expect(verdicts(cmk, model([collection, policy('other', 'encryption', enc('collection/notes*', { AWSOwnedKey: true }))]))[at]).toBe('unknown');
    expect(verdicts(net, model([collection]))[at]).toBe('unknown');
  });
  it('every matching encryption policy must name a key: one AWS-owned among them fails', () => {
    const good = policy('good', 'encryption', enc('collection/grades*', { AWSOwnedKey: false, KmsARN: KEY }));
    expect(verdicts(cmk, model([collection, good]))[at]).toBe('pass');
    expect(verdicts(cmk, model([collection, good, policy('wide', 'encryption', enc('collection/*', { AWSOwnedKey: true }))]))[at]).toBe('fail');
  });
  it('a network policy opening only the dashboards still fails; a policy document known only after apply is unknown', () => {
    const dashboards = [{ Rules: [{ ResourceType: 'dashboard', Resource: ['collection/grades-search'] }], AllowFromPublic: true }];
    expect(verdicts(net, model([collection, policy('dash', 'network', dashboards)]))[at]).toBe('fail');
    expect(verdicts(net, model([collection, rec('aws_opensearchserverless_security_policy.later', { name: 'later', type: 'network', policy: UNKNOWN })]))[at]).toBe('unknown');
  });
});
