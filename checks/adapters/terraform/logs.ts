import { isUnknown, type Val } from '../../model/value.js';
import { asNumber, attr, computedAttr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** Terraform resource type -> adapter. */
export const logsAdapters: Record<string, TfAdapter> = {
  aws_cloudwatch_log_group: (rec) => {
    const name = typeof rec.values.name === 'string' ? rec.values.name : undefined;
    const arn = typeof rec.values.arn === 'string' ? rec.values.arn.replace(/:\*$/, '') : undefined;
    const r = tfResource(rec, 'aws.logs.log-group', [name, arn, arn ? `${arn}:*` : undefined]);
    // retention_in_days: 0 or unset = never expire (the provider default).
    const retention = attr<number>(rec, 'retention_in_days', { default: 0, map: asNumber });
    const never: Val<boolean> =
      retention.origin === 'unknown' || isUnknown(retention.value)
        ? { value: undefined, origin: 'unknown', loc: retention.loc }
        : { value: retention.value === 0 || retention.value === undefined, origin: retention.origin, loc: retention.loc };
    const { tags, dataClass } = tagAttrs(rec);
    r.attrs = {
      name: attr<string>(rec, 'name'),
      retentionDays: retention,
      neverExpires: never,
      kmsKeyId: attr<string>(rec, 'kms_key_id'),
      logGroupClass: computedAttr<string>(rec, 'log_group_class', { default: 'STANDARD' }),
      tags,
      dataClass,
    };
    r.linkRefs = [linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key'])];
    return r;
  },
  // guard slice: a CIS 4.x metric filter; one metric_transformation block (the provider allows one).
  aws_cloudwatch_log_metric_filter: (rec) => {
    const r = tfResource(rec, 'aws.logs.metric-filter');
    r.attrs = {
      name: attr<string>(rec, 'name'),
      logGroupName: attr<string>(rec, 'log_group_name'),
      pattern: attr<string>(rec, 'pattern', { default: '' }),
      metricName: attr<string>(rec, 'metric_transformation.name'),
      metricNamespace: attr<string>(rec, 'metric_transformation.namespace'),
    };
    r.linkRefs = [linkRef(rec, 'logGroup', 'log_group_name', ['aws.logs.log-group'], { inverse: 'metricFilters' })];
    return r;
  },
};
