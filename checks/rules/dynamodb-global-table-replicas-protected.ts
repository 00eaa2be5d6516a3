import { defineCheck, type CheckOutcome } from '../engine/code-check.js';
import { ofKind } from '../model/typed.js';

const messages = {
  protected: 'the replica table in each of {regions} is encrypted with a customer-managed key and has point-in-time recovery',
  unprotected: 'its replica table {where} in {region} {what}',
  notSeen: 'its replica table in {region} is not in this input (an aws_dynamodb_table named {name} there, or a live audit of that region)',
  unknownRegions: 'its replica regions are known only after apply',
  unknownReplica: 'whether its replica table {where} in {region} has a customer-managed key and point-in-time recovery is known only after apply',
} as const;

/**
 * A 2017 global table holds no items itself: the student records are in its replicas, the same-named DynamoDB
 * tables of each replica region. It is protected when every one of them is in the input and has what
 * aws-dynamodb-table-cmk and aws-dynamodb-point-in-time-recovery ask (a customer-managed key, point-in-time
 * recovery); a replica region without its table in the input is unknown (unseen is not pass).
 */
export const codeCheck = defineCheck({
  name: 'dynamodb-global-table-replicas-protected',
  description: 'Every replica table of the DynamoDB global table is in the input, encrypted with a customer-managed key and has point-in-time recovery.',
  kinds: ['aws.dynamodb.global-table'],
  messages,
  evaluate(r, ctx): CheckOutcome<typeof messages> {
    const regions = r.attrs.replicaRegions;
    const name = r.attrs.name;
    if (regions?.error) return { truth: 'error', evidence: [], loc: r.loc, error: regions.error };
    if (name?.error) return { truth: 'error', evidence: [], loc: r.loc, error: name.error };
    if (regions?.origin === 'unknown' || !Array.isArray(regions?.value) || name?.origin === 'unknown' || typeof name?.value !== 'string') {
      return { truth: 'unknown', evidence: [], loc: regions?.loc ?? r.loc, message: { id: 'unknownRegions' } };
    }
    const list = regions.value as string[];
    const tables = ofKind(ctx.model, 'aws.dynamodb.table').filter((t) => t.source === r.source && t.attrs.name?.value === name.value && (!t.account || !r.account || t.account === r.account));
    const unread = ofKind(ctx.model, 'aws.dynamodb.table').find((t) => t.source === r.source && t.readError && (!t.region || list.includes(t.region)));
    const evidence = [{ path: 'replicaRegions', value: list, loc: regions.loc }];
    let unknown: CheckOutcome<typeof messages> | undefined;
    // A same-named table of a replica region, or of a region this input does not know (a provider region set by a
    // variable), is a replica: one unprotected fails the global table even before every region is seen.
    for (const table of tables.filter((t) => !t.region || list.includes(t.region))) {
      const where = table.address ?? table.arn ?? table.id;
      const region = table.region ?? '(region not known)';
      const key = table.attrs.kmsKeyIsAwsManaged;
      const pitr = table.attrs.pointInTimeRecovery;
      const err = key?.error ?? pitr?.error;
      if (err) return { truth: 'error', evidence, loc: table.loc, error: err };
      const tableEvidence = [...evidence, { path: `replica[${where}].kmsKeyIsAwsManaged`, value: key?.value, loc: key?.loc ?? table.loc }, { path: `replica[${where}].pointInTimeRecovery`, value: pitr?.value, loc: pitr?.loc ?? table.loc }];
      if (key?.origin !== 'unknown' && key?.value === true) return { truth: 'false', evidence: tableEvidence, loc: key.loc ?? table.loc, message: { id: 'unprotected', data: { where, region, what: 'is encrypted under a key AWS owns or manages' } } };
      if (pitr?.origin !== 'unknown' && pitr?.value === false) return { truth: 'false', evidence: tableEvidence, loc: pitr.loc ?? table.loc, message: { id: 'unprotected', data: { where, region, what: 'has no point-in-time recovery' } } };
      if (key?.origin === 'unknown' || key?.value !== false || pitr?.origin === 'unknown' || pitr?.value !== true) unknown ??= { truth: 'unknown', evidence: tableEvidence, loc: table.loc, message: { id: 'unknownReplica', data: { where, region } } };
    }
    for (const region of list) {
      if (tables.some((t) => t.region === region)) continue;
      if (unread) return { truth: 'error', evidence, loc: r.loc, error: unread.readError };
      unknown ??= { truth: 'unknown', evidence, loc: r.loc, message: { id: 'notSeen', data: { region, name: name.value } } };
    }
    return unknown ?? { truth: 'true', evidence, loc: r.loc, message: { id: 'protected', data: { regions: list.join(', ') } } };
  },
});
