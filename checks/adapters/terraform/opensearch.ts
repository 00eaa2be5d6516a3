import { isUnknown, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { asBool, computedAttr, isConfigured, linkRef, locOf, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** The API's TLS policy when the request names none: it admits TLS 1.0. */
const DEFAULT_TLS_POLICY = 'Policy-Min-TLS-1-0-2019-07';

/** The first element of an Optional+Computed block, or `absent` / `unknown`. */
function blockState(rec: TfRecord, block: string): 'present' | 'absent' | 'unknown' {
  const raw = rawAt(rec.values, block);
  if (isUnknown(raw)) return isConfigured(rec, block) === false ? 'absent' : 'unknown';
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) return 'absent';
  return 'present';
}

/**
 * A field of domain_endpoint_options: inside the block the provider's default (enforce_https = true) or
 * AWS's; without the block, what the API applies when the request has no endpoint options.
 */
function endpointOption<T>(rec: TfRecord, field: string, inBlock: T, withoutBlock: T, map?: (raw: unknown) => T | undefined): Val<T> {
  const path = `domain_endpoint_options.0.${field}`;
  const state = blockState(rec, 'domain_endpoint_options');
  if (state === 'absent') return { value: withoutBlock, origin: 'default', loc: locOf(rec, 'domain_endpoint_options') };
  if (state === 'unknown') return { value: undefined, origin: 'unknown', loc: locOf(rec, 'domain_endpoint_options') };
  return computedAttr<T>(rec, path, { default: inBlock, ...(map ? { map } : {}) });
}

/** vpc_options.subnet_ids has at least one subnet (a known list of unknown ids counts). */
function inVpc(rec: TfRecord): Val<boolean> {
  const loc = locOf(rec, 'vpc_options');
  const state = blockState(rec, 'vpc_options');
  if (state === 'absent') return { value: false, origin: 'default', loc };
  const subnets = rawAt(rec.values, 'vpc_options.0.subnet_ids');
  if (state === 'unknown' || isUnknown(subnets)) return { value: undefined, origin: 'unknown', loc };
  return { value: Array.isArray(subnets) && subnets.length > 0, origin: 'explicit', loc };
}

/** Some log_publishing_options block publishes AUDIT_LOGS and is enabled (enabled defaults to true). */
function auditLogsPublished(rec: TfRecord): Val<boolean> {
  const loc = locOf(rec, 'log_publishing_options');
  const raw = rawAt(rec.values, 'log_publishing_options');
  if (isUnknown(raw)) return isConfigured(rec, 'log_publishing_options') === false ? { value: false, origin: 'default', loc } : { value: undefined, origin: 'unknown', loc };
  if (!Array.isArray(raw) || raw.length === 0) return { value: false, origin: 'default', loc };
  let unknown = false;
  for (const b of raw) {
    if (isUnknown(b)) {
      unknown = true;
      continue;
    }
    const block = b as Record<string, unknown>;
    if (isUnknown(block.log_type) || isUnknown(block.enabled)) {
      unknown = true;
      continue;
    }
    if (block.log_type === 'AUDIT_LOGS' && block.enabled !== false) return { value: true, origin: 'explicit', loc };
  }
  return unknown ? { value: undefined, origin: 'unknown', loc } : { value: false, origin: 'explicit', loc };
}

/**
 * aws_opensearch_domain and the legacy aws_elasticsearch_domain: one kind, the same blocks. Encryption,
 * node-to-node TLS and fine-grained access control default off; the endpoint options are explained above.
 */
const domain: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.opensearch.domain', [rec.values.domain_name, rec.values.domain_id]);
  const version = rec.type === 'aws_elasticsearch_domain' ? 'elasticsearch_version' : 'engine_version';
  r.attrs = {
    name: computedAttr<string>(rec, 'domain_name'),
    engineVersion: computedAttr<string>(rec, version),
    encryptAtRest: computedAttr(rec, 'encrypt_at_rest.0.enabled', { default: false, map: asBool, configuredAt: 'encrypt_at_rest' }),
    nodeToNodeEncryption: computedAttr(rec, 'node_to_node_encryption.0.enabled', { default: false, map: asBool, configuredAt: 'node_to_node_encryption' }),
    enforceHttps: endpointOption(rec, 'enforce_https', true, false, asBool),
    tlsSecurityPolicy: endpointOption<string>(rec, 'tls_security_policy', DEFAULT_TLS_POLICY, DEFAULT_TLS_POLICY),
    vpcSubnetIds: computedAttr<unknown[]>(rec, 'vpc_options.0.subnet_ids', { default: [], configuredAt: 'vpc_options' }),
    inVpc: inVpc(rec),
    auditLogsPublished: auditLogsPublished(rec),
    fineGrainedAccessControl: computedAttr(rec, 'advanced_security_options.0.enabled', { default: false, map: asBool, configuredAt: 'advanced_security_options' }),
    anonymousAuthEnabled: computedAttr(rec, 'advanced_security_options.0.anonymous_auth_enabled', { default: false, map: asBool, configuredAt: 'advanced_security_options.anonymous_auth_enabled' }),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'securityGroups', 'vpc_options.0.security_group_ids', ['aws.ec2.security-group'], { inverse: 'attachedResources' }));
  return r;
};

export const opensearchAdapters: Record<string, TfAdapter> = { aws_opensearch_domain: domain, aws_elasticsearch_domain: domain };
