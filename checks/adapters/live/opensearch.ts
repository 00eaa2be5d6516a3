import { dataAt, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** The API's TLS policy when a domain was created without one: it admits TLS 1.0 (the Terraform adapter's default too). */
const DEFAULT_TLS_POLICY = 'Policy-Min-TLS-1-0-2019-07';

/** A domain as DescribeDomains describes it (OpenSearch or Elasticsearch engine), with its tags. */
const domain: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.opensearch.domain', ctx, [dataAt(rec, 'DomainName'), dataAt(rec, 'DomainId')]);
  const subnets = dataAt(rec, 'VPCOptions.SubnetIds') as string[] | undefined;
  const audit = dataAt(rec, 'LogPublishingOptions.AUDIT_LOGS') as { Enabled?: boolean } | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'DomainName'),
    engineVersion: liveAttr(rec, ctx, 'EngineVersion'),
    encryptAtRest: liveAttr(rec, ctx, 'EncryptionAtRestOptions.Enabled', { default: false }),
    nodeToNodeEncryption: liveAttr(rec, ctx, 'NodeToNodeEncryptionOptions.Enabled', { default: false }),
    enforceHttps: liveAttr(rec, ctx, 'DomainEndpointOptions.EnforceHTTPS', { default: false }),
    tlsSecurityPolicy: liveAttr(rec, ctx, 'DomainEndpointOptions.TLSSecurityPolicy', { default: DEFAULT_TLS_POLICY }),
    vpcSubnetIds: liveAttr(rec, ctx, 'VPCOptions.SubnetIds', { default: [] }),
    inVpc: liveDerived(rec, ctx, 'VPCOptions.SubnetIds', (subnets?.length ?? 0) > 0, [], subnets ? 'explicit' : 'default'),
    auditLogsPublished: liveDerived(rec, ctx, 'LogPublishingOptions.AUDIT_LOGS', audit?.Enabled === true, [], audit ? 'explicit' : 'default'),
    fineGrainedAccessControl: liveAttr(rec, ctx, 'AdvancedSecurityOptions.Enabled', { default: false }),
    anonymousAuthEnabled: liveAttr(rec, ctx, 'AdvancedSecurityOptions.AnonymousAuthEnabled', { default: false }),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  const sgs = dataAt(rec, 'VPCOptions.SecurityGroupIds') as string[] | undefined;
  r.linkRefs!.push(liveLink(rec, ctx, 'securityGroups', sgs ?? [], ['aws.ec2.security-group'], { inverse: 'attachedResources', attribute: 'VPCOptions.SecurityGroupIds' }));
  return r;
};

export const opensearchLiveAdapters: Record<string, LiveAdapter> = { 'AWS::OpenSearchService::Domain': domain, 'AWS::Elasticsearch::Domain': domain };
