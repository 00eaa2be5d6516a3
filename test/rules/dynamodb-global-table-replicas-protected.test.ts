import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../checks/model/value.js';
import { rec, statusOf } from '../helpers/policy-tester.js';

// rest slice (issue 14, wave 4): a 2017 global table is judged through its same-named replica tables.
const P = 'aws-dynamodb-global-table-replicas-cmk-pitr';

function table(address: string, region: string | undefined, opts: { cmk?: boolean; pitr?: boolean; name?: string } = {}) {
  const cmk = opts.cmk ?? true;
  return rec(
    address,
    {
      name: opts.name ?? 'sis-sessions',
      hash_key: 'id',
      server_side_encryption: [{ enabled: true, ...(cmk ? { kms_key_arn: UNKNOWN } : {}) }],
      point_in_time_recovery: [{ enabled: opts.pitr ?? true }],
    },
    { ...(region ? { region } : {}), references: cmk ? { 'server_side_encryption.kms_key_arn': ['aws_kms_key.k'] } : {} },
  );
}
const kms = rec('aws_kms_key.k', { description: 'k' }, { configured: ['description'] });
const global = (regions: unknown) => rec('aws_dynamodb_global_table.g', { name: 'sis-sessions', replica: regions });
const both = [{ region_name: 'us-east-1' }, { region_name: 'us-west-2' }];

describe(P, () => {
  it('passes when the table of every replica region is protected', () => {
    expect(statusOf(P, [kms, table('aws_dynamodb_table.e', 'us-east-1'), table('aws_dynamodb_table.w', 'us-west-2'), global(both)], 'aws_dynamodb_global_table.g')).toBe('pass');
  });

  it('is unknown, never pass, when a replica region has no table in the input', () => {
    expect(statusOf(P, [kms, table('aws_dynamodb_table.e', 'us-east-1'), global(both)], 'aws_dynamodb_global_table.g')).toBe('unknown');
    // a same-named table elsewhere, or another name in the region, is not the replica
    expect(statusOf(P, [kms, table('aws_dynamodb_table.e', 'us-east-1'), table('aws_dynamodb_table.x', 'eu-west-1'), table('aws_dynamodb_table.o', 'us-west-2', { name: 'other' }), global(both)], 'aws_dynamodb_global_table.g')).toBe('unknown');
  });

  it('fails when one replica table has no point-in-time recovery or an AWS key, even one whose region is not known', () => {
    expect(statusOf(P, [kms, table('aws_dynamodb_table.e', 'us-east-1'), table('aws_dynamodb_table.w', 'us-west-2', { pitr: false }), global(both)], 'aws_dynamodb_global_table.g')).toBe('fail');
    expect(statusOf(P, [kms, table('aws_dynamodb_table.e', undefined, { cmk: false }), global(both)], 'aws_dynamodb_global_table.g')).toBe('fail');
  });

  it('is unknown when the replica regions are known only after apply', () => {
    expect(statusOf(P, [kms, table('aws_dynamodb_table.e', 'us-east-1'), global([{ region_name: 'us-east-1' }, { region_name: UNKNOWN }])], 'aws_dynamodb_global_table.g')).toBe('unknown');
  });
});
