import { isUnknown, UNKNOWN, type UnknownValue, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { attr, locOf, rawAt, referencesOf, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const DISTRIBUTION = 'aws.cloudfront.distribution';
const WAF_ACL = /(^|\.)(aws_wafv2_web_acl|aws_waf_web_acl)\.[^.]+$/;
const OAC = /(^|\.)aws_cloudfront_origin_access_control\.[^.]+$/;

const unbracketed = (a: string) => a.replace(/\[[^\]]*\]/g, '');

/** The first element of a nested block (blocks are lists), UNKNOWN when the block itself is computed. */
function block(v: unknown): Record<string, unknown> | undefined | UnknownValue {
  if (isUnknown(v)) return UNKNOWN;
  const first = Array.isArray(v) ? v[0] : v;
  return first && typeof first === 'object' ? (first as Record<string, unknown>) : undefined;
}

/** A set argument that may hold a computed id: set (a literal, or a reference to a resource `kind` matches), not set, or unknown. */
function isSet(raw: unknown, refs: string[], kind: RegExp): boolean | typeof UNKNOWN {
  if (typeof raw === 'string') return raw.length > 0;
  if (isUnknown(raw)) return refs.some((r) => kind.test(unbracketed(r))) ? true : UNKNOWN;
  return false;
}

function origins(rec: TfRecord): Val {
  const raw = rawAt(rec.values, 'origin');
  const loc = locOf(rec, 'origin');
  if (isUnknown(raw)) return { value: undefined, origin: 'unknown', loc };
  const oacRefs = referencesOf(rec, 'origin.origin_access_control_id');
  const list = Array.isArray(raw) ? raw : [];
  const value = list.map((o, i) => {
    if (isUnknown(o) || !o || typeof o !== 'object') return { id: UNKNOWN, domainName: UNKNOWN, type: UNKNOWN, originAccessControl: UNKNOWN, _loc: locOf(rec, `origin.${i}`) };
    const m = o as Record<string, unknown>;
    const custom = block(m.custom_origin_config);
    const s3 = block(m.s3_origin_config);
    const oai = isUnknown(s3) ? UNKNOWN : s3 ? isSet(s3.origin_access_identity, referencesOf(rec, 'origin.s3_origin_config.origin_access_identity'), /aws_cloudfront_origin_access_identity\.[^.]+$/) : false;
    return {
      id: m.origin_id ?? null,
      domainName: m.domain_name ?? null,
      type: isUnknown(custom) ? UNKNOWN : custom ? 'custom' : 's3',
      originAccessControl: isSet(m.origin_access_control_id, oacRefs, OAC),
      originAccessIdentity: oai,
      originProtocolPolicy: isUnknown(custom) ? UNKNOWN : custom ? (custom.origin_protocol_policy ?? null) : null,
      originSslProtocols: isUnknown(custom) ? UNKNOWN : custom ? (custom.origin_ssl_protocols ?? []) : null,
      _loc: locOf(rec, `origin.${i}`),
    };
  });
  return { value, origin: 'explicit', loc };
}

function cacheBehaviors(rec: TfRecord): Val {
  const dflt = rawAt(rec.values, 'default_cache_behavior');
  const ordered = rawAt(rec.values, 'ordered_cache_behavior');
  const loc = locOf(rec, 'default_cache_behavior');
  if (isUnknown(dflt) || isUnknown(ordered)) return { value: undefined, origin: 'unknown', loc };
  const d = block(dflt);
  const value: Array<Record<string, unknown>> = [];
  if (d && !isUnknown(d)) value.push({ pathPattern: '*', viewerProtocolPolicy: d.viewer_protocol_policy ?? null, _loc: locOf(rec, 'default_cache_behavior.viewer_protocol_policy') });
  (Array.isArray(ordered) ? ordered : []).forEach((b, i) => {
    const m = b && typeof b === 'object' && !isUnknown(b) ? (b as Record<string, unknown>) : {};
    value.push({ pathPattern: m.path_pattern ?? UNKNOWN, viewerProtocolPolicy: isUnknown(b) ? UNKNOWN : (m.viewer_protocol_policy ?? null), _loc: locOf(rec, `ordered_cache_behavior.${i}.viewer_protocol_policy`) });
  });
  return { value, origin: 'explicit', loc };
}

/**
 * aws_cloudfront_distribution. The viewer certificate: an ACM or IAM certificate (even one whose ARN is
 * computed) means a custom certificate; otherwise viewers get *.cloudfront.net.
 */
const distribution: TfAdapter = (rec) => {
  const r = tfResource(rec, DISTRIBUTION, [rec.values.domain_name]);
  const cert = rawAt(rec.values, 'viewer_certificate');
  const certLoc = locOf(rec, 'viewer_certificate');
  const acm = rawAt(rec.values, 'viewer_certificate.acm_certificate_arn');
  const iamCert = rawAt(rec.values, 'viewer_certificate.iam_certificate_id');
  const custom = [acm, iamCert].some((v) => (typeof v === 'string' && v.length > 0) || isUnknown(v));
  const defaultCert: Val<boolean> = isUnknown(cert)
    ? { value: undefined, origin: 'unknown', loc: certLoc }
    : custom
      ? { value: false, origin: 'explicit', loc: certLoc }
      : attr(rec, 'viewer_certificate.cloudfront_default_certificate', { default: true, map: (v) => v !== false });
  const webAcl = attr<string>(rec, 'web_acl_id');
  const wafSet = isSet(rawAt(rec.values, 'web_acl_id'), referencesOf(rec, 'web_acl_id'), WAF_ACL);
  const logging = rawAt(rec.values, 'logging_config');
  const logLoc = locOf(rec, 'logging_config');
  r.attrs = {
    domainName: attr(rec, 'domain_name'),
    enabled: attr(rec, 'enabled'),
    cacheBehaviors: cacheBehaviors(rec),
    defaultCertificate: defaultCert,
    minimumProtocolVersion: attr(rec, 'viewer_certificate.minimum_protocol_version', { default: 'TLSv1' }),
    webAclId: webAcl,
    wafAttached: wafSet === UNKNOWN ? { value: undefined, origin: 'unknown', loc: webAcl.loc } : { value: wafSet, origin: webAcl.origin === 'default' ? 'default' : 'explicit', loc: webAcl.loc },
    loggingEnabled: isUnknown(logging)
      ? { value: undefined, origin: 'unknown', loc: logLoc }
      : block(logging)
        ? { value: true, origin: 'explicit', loc: logLoc }
        : { value: false, origin: 'default', loc: logLoc },
    loggingBucket: attr(rec, 'logging_config.bucket'),
    origins: origins(rec),
    ...tagAttrs(rec),
  };
  return r;
};

export const cloudfrontAdapters: Record<string, TfAdapter> = { aws_cloudfront_distribution: distribution };
