import { dataAt, liveAttr, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A broker: the ListBrokers summary and its DescribeBroker answer (facet `broker`). */
const broker: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.mq.broker', ctx, [dataAt(rec, 'BrokerId'), dataAt(rec, 'BrokerName')]);
  const key = dataAt(rec, 'broker.EncryptionOptions.KmsKeyId') as string | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'BrokerName'),
    engineType: liveAttr(rec, ctx, 'broker.EngineType', { map: (raw) => (typeof raw === 'string' ? raw.toUpperCase() : undefined) }),
    publiclyAccessible: liveAttr(rec, ctx, 'broker.PubliclyAccessible', { default: false }),
    useAwsOwnedKey: liveAttr(rec, ctx, 'broker.EncryptionOptions.UseAwsOwnedKey', { default: true }),
    kmsKeyId: liveAttr(rec, ctx, 'broker.EncryptionOptions.KmsKeyId'),
    auditLogs: liveAttr(rec, ctx, 'broker.Logs.Audit', { default: false }),
    generalLogs: liveAttr(rec, ctx, 'broker.Logs.General', { default: false }),
    ...tagVals(rec, ctx, 'broker.Tags', 'broker'),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'broker.EncryptionOptions.KmsKeyId' }));
  r.linkRefs!.push(liveLink(rec, ctx, 'securityGroups', dataAt(rec, 'broker.SecurityGroups') ?? [], ['aws.ec2.security-group'], { inverse: 'attachedResources', attribute: 'broker.SecurityGroups' }));
  return r;
};

export const mqLiveAdapters: Record<string, LiveAdapter> = { 'AWS::AmazonMQ::Broker': broker };
