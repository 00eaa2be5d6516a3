import { scheduleDays } from '../shared/rotation-schedules.js';
import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveFacetAttr, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

const secret: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.secretsmanager.secret', ctx, [dataAt(rec, 'Name')]);
  const key = dataAt(rec, 'KmsKeyId') as string | undefined;
  const rotation = dataAt(rec, 'RotationEnabled') === true;
  const after = dataAt(rec, 'RotationRules.AutomaticallyAfterDays') as number | undefined;
  const expr = dataAt(rec, 'RotationRules.ScheduleExpression') as string | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'Name'),
    kmsKeyId: liveAttr(rec, ctx, 'KmsKeyId'),
    kmsKeyIsAwsManaged: keyFlag(ctx, key, liveDerived(rec, ctx, 'KmsKeyId', key ? keyIsAwsManaged(ctx, key) : true, [], key ? 'explicit' : 'default')),
    rotationEnabled: liveAttr(rec, ctx, 'RotationEnabled', { default: false }),
    rotationDays: liveDerived(rec, ctx, 'RotationRules', rotation ? (after ?? (expr ? scheduleDays(expr) : undefined)) : undefined),
    rotationScheduleExpression: liveAttr(rec, ctx, 'RotationRules.ScheduleExpression'),
    rotationLambdaArn: liveAttr(rec, ctx, 'RotationLambdaARN'),
    // The recovery window is chosen when a secret is deleted: a live secret does not carry one.
    recoveryWindowDays: { value: undefined, origin: 'unknown', loc: { file: ctx.file, address: rec.arn, attribute: 'recoveryWindowDays' } },
    // null: read, no policy; absent: never read (a snapshot from before the collector read it), which is no pass
    resourcePolicy: liveFacetAttr(rec, ctx, 'resourcePolicy'),
    ...tagVals(rec, ctx),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'KmsKeyId' }));
  return r;
};

export const secretsLiveAdapters: Record<string, LiveAdapter> = { 'AWS::SecretsManager::Secret': secret };
