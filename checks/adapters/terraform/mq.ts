import { asBool, attr, computedAttr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** Terraform writes ActiveMQ / RabbitMQ; the API answers ACTIVEMQ / RABBITMQ. */
const upper = (raw: unknown): string | undefined => (typeof raw === 'string' ? raw.toUpperCase() : undefined);

/** aws_mq_broker: private by default; messages at rest under a key AWS owns unless encryption_options names a customer key; logs off by default. */
const broker: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.mq.broker', [rec.values.broker_name]);
  r.attrs = {
    name: attr<string>(rec, 'broker_name'),
    engineType: attr<string>(rec, 'engine_type', { map: upper }),
    publiclyAccessible: attr(rec, 'publicly_accessible', { default: false, map: asBool }),
    useAwsOwnedKey: computedAttr(rec, 'encryption_options.0.use_aws_owned_key', { default: true, map: asBool, configuredAt: 'encryption_options' }),
    kmsKeyId: computedAttr<string>(rec, 'encryption_options.0.kms_key_id', { configuredAt: 'encryption_options' }),
    auditLogs: computedAttr(rec, 'logs.0.audit', { default: false, map: asBool, configuredAt: 'logs' }),
    generalLogs: computedAttr(rec, 'logs.0.general', { default: false, map: asBool, configuredAt: 'logs' }),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'encryption_options.0.kms_key_id', ['aws.kms.key']));
  r.linkRefs!.push(linkRef(rec, 'securityGroups', 'security_groups', ['aws.ec2.security-group'], { inverse: 'attachedResources' }));
  return r;
};

export const mqAdapters: Record<string, TfAdapter> = { aws_mq_broker: broker };
