import { isUnknown, UNKNOWN, type Val } from '../../model/value.js';
import { InputError } from '../../errors.js';
import { accountFacet, appendRegionalEntry, asBool, asNumber, attr, derived, rawAt, type TfAdapter } from './helpers/index.js';

/**
 * Account guardrails (GuardDuty, Security Hub, AWS Config, the IAM password policy): each resource is a
 * facet of the synthetic account. What no configuration declares stays unknown (needs live verification).
 */

/** The standards `enable_default_standards` subscribes (AWS Foundational Security Best Practices, CIS 1.2). */
const DEFAULT_STANDARDS = ['aws-foundational-security-best-practices/v/1.0.0', 'cis-aws-foundations-benchmark/v/1.2.0'];

const enabled = (raw: unknown) => (typeof raw === 'string' ? raw.toUpperCase() === 'ENABLED' : undefined);

/** A GuardDuty detector feature: which account attribute its `name` sets. */
const FEATURE_ATTR: Record<string, string> = { S3_DATA_EVENTS: 'guardDutyS3Protection', RDS_LOGIN_EVENTS: 'guardDutyRdsProtection' };

export const guardrailAdapters: Record<string, TfAdapter> = {
  // `enable` defaults to true. S3 protection may be set by the deprecated `datasources.s3_logs` block;
  // the features (aws_guardduty_detector_feature) are the current way and say nothing when absent.
  aws_guardduty_detector: (rec) => {
    const r = accountFacet(rec);
    const on = attr<boolean>(rec, 'enable', { default: true, map: asBool });
    r.attrs = { guardDutyEnabled: on };
    appendRegionalEntry(r, rec, 'detectionRegions', { service: 'guardduty', enabled: on.origin === 'unknown' ? UNKNOWN : on.value }, on.loc);
    if (rawAt(rec.values, 'datasources.s3_logs.enable') !== undefined) r.attrs.guardDutyS3Protection = attr(rec, 'datasources.s3_logs.enable', { map: asBool });
    return r;
  },
  aws_guardduty_detector_feature: (rec) => {
    const r = accountFacet(rec);
    const name = rawAt(rec.values, 'name');
    const target = typeof name === 'string' ? FEATURE_ATTR[name] : undefined;
    r.attrs = target ? { [target]: attr(rec, 'status', { map: enabled }) } : {};
    return r;
  },
  aws_securityhub_account: (rec) => {
    const r = accountFacet(rec);
    const defaults = attr(rec, 'enable_default_standards', { default: true, map: asBool });
    r.attrs = {
      securityHubEnabled: { value: true, origin: 'explicit', loc: r.loc },
      // Subscriptions set the list too; with enable_default_standards = false a subscription merged before
      // the hub would be overwritten by [] (the linker merges in record order: hub first in file and plan order).
      securityHubStandards: derived(defaults.value ? DEFAULT_STANDARDS : [], [defaults]) as Val,
    };
    appendRegionalEntry(r, rec, 'detectionRegions', { service: 'securityhub', enabled: true }, r.loc);
    return r;
  },
  // Cross-Region aggregation: the provider's region is the aggregation Region.
  aws_securityhub_finding_aggregator: (rec) => {
    const r = accountFacet(rec);
    const mode = attr<unknown>(rec, 'linking_mode');
    const regions = attr<unknown>(rec, 'specified_regions', { default: [] });
    const list = regions.value;
    if (regions.origin !== 'unknown' && !(Array.isArray(list) && list.every((x) => typeof x === 'string' || isUnknown(x)))) {
      const where = regions.loc?.file ? `${regions.loc.file}${regions.loc.line ? `:${regions.loc.line}` : ''}` : rec.input;
      throw new InputError(`${rec.address}: specified_regions is not a list of region names, the shape the provider's schema allows`, where);
    }
    const linkingMode = mode.origin === 'unknown' || typeof mode.value !== 'string' ? UNKNOWN : mode.value.toUpperCase();
    appendRegionalEntry(r, rec, 'securityHubAggregators', { linkingMode, regions: regions.origin === 'unknown' || (list as unknown[]).some(isUnknown) ? UNKNOWN : list }, mode.loc);
    return r;
  },
  aws_securityhub_standards_subscription: (rec) => {
    const r = accountFacet(rec);
    const arn = attr<string>(rec, 'standards_arn');
    r.attrs = { securityHubStandards: derived(arn.value === undefined ? undefined : [arn.value], [arn]) as Val };
    return r;
  },
  // recording_group.all_supported defaults to true; the recorder records nothing until its status resource enables it.
  aws_config_configuration_recorder: (rec) => {
    const r = accountFacet(rec);
    r.attrs = { configRecorderAllSupported: attr(rec, 'recording_group.all_supported', { default: true, map: asBool }) };
    return r;
  },
  aws_config_configuration_recorder_status: (rec) => {
    const r = accountFacet(rec);
    r.attrs = { configRecorderRecording: attr(rec, 'is_enabled', { map: asBool }) };
    return r;
  },
  aws_config_delivery_channel: (rec) => {
    const r = accountFacet(rec);
    r.attrs = { configDeliveryChannel: { value: true, origin: 'explicit', loc: r.loc } };
    return r;
  },
  // guard slice (wave 3): an analyzer of either zone of trust (type ACCOUNT, the default, or ORGANIZATION).
  aws_accessanalyzer_analyzer: (rec) => {
    const r = accountFacet(rec);
    r.attrs = { accessAnalyzerEnabled: { value: true, origin: 'explicit', loc: r.loc } };
    return r;
  },
  // wave 3: Macie (status defaults to ENABLED; PAUSED stops discovery and jobs).
  aws_macie2_account: (rec) => {
    const r = accountFacet(rec);
    r.attrs = { macieEnabled: attr(rec, 'status', { default: true, map: enabled }) };
    return r;
  },
  // Provider defaults: minimum length 6, no reuse prevention, no expiry.
  aws_iam_account_password_policy: (rec) => {
    const r = accountFacet(rec);
    r.attrs = {
      passwordPolicyPresent: { value: true, origin: 'explicit', loc: r.loc },
      passwordMinLength: attr(rec, 'minimum_password_length', { default: 6, map: asNumber }),
      passwordReusePrevention: attr(rec, 'password_reuse_prevention', { default: 0, map: asNumber }),
      passwordMaxAgeDays: attr(rec, 'max_password_age', { default: 0, map: asNumber }),
    };
    return r;
  },
};
