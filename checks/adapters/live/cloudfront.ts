import { errorVal, type Val } from '../../model/value.js';
import { dataAt, describeError, liveAttr, liveDerived, liveResource, locAt, tagVals, type LiveAdapter } from './helpers/index.js';

const CONFIG = 'DistributionConfig';

interface Origin {
  Id?: string;
  DomainName?: string;
  OriginAccessControlId?: string;
  S3OriginConfig?: { OriginAccessIdentity?: string };
  CustomOriginConfig?: { OriginProtocolPolicy?: string; OriginSslProtocols?: { Items?: string[] } };
}

/** A CloudFront distribution from its DistributionConfig (every attribute but the tags is an error when that read failed). */
const distribution: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.cloudfront.distribution', ctx, [dataAt(rec, 'Id'), dataAt(rec, 'DomainName')]);
  const err = rec.errors?.[CONFIG];
  const at = (attribute: string) => locAt(rec, ctx, `${CONFIG}.${attribute}`);
  // A record without the configuration (a snapshot from another tool) says nothing about it: unknown, never a pass.
  const collected = dataAt(rec, CONFIG) !== undefined;
  const fromConfig = <T>(attribute: string, value: T | undefined): Val<T> =>
    err ? errorVal(describeError(err), at(attribute)) : collected ? liveDerived(rec, ctx, `${CONFIG}.${attribute}`, value, [CONFIG]) : { value: undefined, origin: 'unknown', loc: at(attribute) };
  const cfg = (dataAt(rec, CONFIG) ?? {}) as Record<string, unknown>;
  const dflt = cfg.DefaultCacheBehavior as { ViewerProtocolPolicy?: string } | undefined;
  const ordered = ((cfg.CacheBehaviors as { Items?: Array<{ PathPattern?: string; ViewerProtocolPolicy?: string }> } | undefined)?.Items ?? []);
  const behaviors = [
    ...(dflt ? [{ pathPattern: '*', viewerProtocolPolicy: dflt.ViewerProtocolPolicy ?? null, _loc: at('DefaultCacheBehavior') }] : []),
    ...ordered.map((b, i) => ({ pathPattern: b.PathPattern ?? null, viewerProtocolPolicy: b.ViewerProtocolPolicy ?? null, _loc: at(`CacheBehaviors.Items[${i}]`) })),
  ];
  const origins = (((cfg.Origins as { Items?: Origin[] } | undefined)?.Items) ?? []).map((o, i) => ({
    id: o.Id ?? null,
    domainName: o.DomainName ?? null,
    type: o.CustomOriginConfig ? 'custom' : 's3',
    originAccessControl: typeof o.OriginAccessControlId === 'string' && o.OriginAccessControlId.length > 0,
    originAccessIdentity: typeof o.S3OriginConfig?.OriginAccessIdentity === 'string' && o.S3OriginConfig.OriginAccessIdentity.length > 0,
    originProtocolPolicy: o.CustomOriginConfig?.OriginProtocolPolicy ?? null,
    originSslProtocols: o.CustomOriginConfig ? (o.CustomOriginConfig.OriginSslProtocols?.Items ?? []) : null,
    _loc: at(`Origins.Items[${i}]`),
  }));
  const cert = (cfg.ViewerCertificate ?? {}) as { CloudFrontDefaultCertificate?: boolean; ACMCertificateArn?: string; IAMCertificateId?: string; MinimumProtocolVersion?: string };
  const custom = Boolean(cert.ACMCertificateArn || cert.IAMCertificateId);
  const webAcl = typeof cfg.WebACLId === 'string' && cfg.WebACLId.length > 0 ? cfg.WebACLId : undefined;
  const logging = cfg.Logging as { Enabled?: boolean; Bucket?: string } | undefined;
  r.attrs = {
    domainName: liveAttr(rec, ctx, 'DomainName'),
    enabled: fromConfig('Enabled', cfg.Enabled as boolean | undefined),
    cacheBehaviors: fromConfig('DefaultCacheBehavior', behaviors),
    defaultCertificate: fromConfig('ViewerCertificate', custom ? false : cert.CloudFrontDefaultCertificate !== false),
    minimumProtocolVersion: fromConfig('ViewerCertificate.MinimumProtocolVersion', cert.MinimumProtocolVersion ?? 'TLSv1'),
    webAclId: fromConfig('WebACLId', webAcl),
    wafAttached: fromConfig('WebACLId', webAcl !== undefined),
    loggingEnabled: fromConfig('Logging.Enabled', logging?.Enabled === true),
    loggingBucket: fromConfig('Logging.Bucket', logging?.Enabled && logging.Bucket ? logging.Bucket : undefined),
    origins: fromConfig('Origins', origins),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  return r;
};

export const cloudfrontLiveAdapters: Record<string, LiveAdapter> = { 'AWS::CloudFront::Distribution': distribution };
