import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../../checks/model/value.js';
import { expandCompactLive } from '../../../checks/authoring/live-fixture.js';
import { evaluateSnapshot, model, rec, statusAt, verdicts } from '../../helpers/policy-tester.js';

// Verdicts of the search slice's policies on plan records where the defaults and the unknowns decide.

const domain = (name: string, values: Record<string, unknown>, opts: Parameters<typeof rec>[2] = {}) => rec(`aws_opensearch_domain.${name}`, { domain_name: name, engine_version: 'OpenSearch_2.11', ...values }, opts);

describe('aws-opensearch-domain-https-tls-policy', () => {
  const id = 'aws-opensearch-domain-https-tls-policy';
  it('without endpoint options the API leaves HTTP open; inside the block enforce_https defaults to true but an unset TLS policy admits TLS 1.0', () => {
    const m = model([
      domain('none', { domain_endpoint_options: UNKNOWN }, { configured: ['domain_name', 'engine_version'] }),
      domain('unset_policy', { domain_endpoint_options: [{ enforce_https: true, tls_security_policy: UNKNOWN }] }, { configured: ['domain_name', 'engine_version', 'domain_endpoint_options', 'domain_endpoint_options.enforce_https'] }),
      domain('tls12', { domain_endpoint_options: [{ tls_security_policy: 'Policy-Min-TLS-1-2-PFS-2023-10' }] }),
      domain('later', { domain_endpoint_options: [{ enforce_https: UNKNOWN, tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' }] }),
    ]);
    expect(verdicts(id, m)).toEqual({
      'aws_opensearch_domain.none': 'fail',
      'aws_opensearch_domain.unset_policy': 'fail',
      'aws_opensearch_domain.tls12': 'pass',
      'aws_opensearch_domain.later': 'unknown',
    });
  });
});

describe('aws-opensearch-domain-encrypted-at-rest', () => {
  it('an encrypt_at_rest block the plan shows computed and the configuration leaves out is the default (off); a configured computed flag is unknown', () => {
    const m = model([
      domain('left_out', { encrypt_at_rest: UNKNOWN }, { configured: ['domain_name', 'engine_version'] }),
      domain('later', { encrypt_at_rest: [{ enabled: UNKNOWN }] }),
      rec('aws_elasticsearch_domain.legacy', { domain_name: 'legacy', elasticsearch_version: '7.10', encrypt_at_rest: [{ enabled: true }] }),
    ]);
    expect(verdicts('aws-opensearch-domain-encrypted-at-rest', m)).toEqual({ 'aws_opensearch_domain.left_out': 'fail', 'aws_opensearch_domain.later': 'unknown', 'aws_elasticsearch_domain.legacy': 'pass' });
  });
});

describe('aws-opensearch-domain-in-vpc and aws-opensearch-domain-audit-logging', () => {
  it('a known list of subnets known only after apply is in a VPC; an unknown list is unknown', () => {
    const m = model([domain('subnets_later', { vpc_options: [{ subnet_ids: [UNKNOWN] }] }), domain('list_later', { vpc_options: [{ subnet_ids: UNKNOWN }] }), domain('public', {})]);
    expect(verdicts('aws-opensearch-domain-in-vpc', m)).toEqual({ 'aws_opensearch_domain.subnets_later': 'pass', 'aws_opensearch_domain.list_later': 'unknown', 'aws_opensearch_domain.public': 'fail' });
  });
  it('only an enabled AUDIT_LOGS block counts; a log type known only after apply is unknown', () => {
    const slow = { log_type: 'SEARCH_SLOW_LOGS', cloudwatch_log_group_arn: 'arn:aws:logs:us-east-1:1:log-group:slow' };
    const m = model([
      domain('slow_only', { log_publishing_options: [slow] }),
      domain('audit_default_on', { log_publishing_options: [slow, { log_type: 'AUDIT_LOGS', cloudwatch_log_group_arn: 'arn:aws:logs:us-east-1:1:log-group:audit' }] }),
      domain('type_later', { log_publishing_options: [{ log_type: UNKNOWN, cloudwatch_log_group_arn: 'x' }] }),
    ]);
    expect(verdicts('aws-opensearch-domain-audit-logging', m)).toEqual({ 'aws_opensearch_domain.slow_only': 'fail', 'aws_opensearch_domain.audit_default_on': 'pass', 'aws_opensearch_domain.type_later': 'unknown' });
  });
});

const cluster = (name: string, values: Record<string, unknown>, opts: Parameters<typeof rec>[2] = {}) =>
  rec(`aws_redshift_cluster.${name}`, { cluster_identifier: name, node_type: 'ra3.xlplus', encrypted: true, publicly_accessible: false, ...values }, opts);
const group = (name: string, parameter: unknown) => rec(`aws_redshift_parameter_group.${name}`, { name, family: 'redshift-1.0', parameter });

describe('aws-redshift-cluster-require-ssl', () => {
  const id = 'aws-redshift-cluster-require-ssl';
  it('follows the referenced group; the default group fails; a group not in the input or a computed value is unknown', () => {
    const m = model([
      group('tls', [{ name: 'require_ssl', value: 'TRUE' }]),
      group('later', [{ name: 'require_ssl', value: UNKNOWN }]),
      group('other', [{ name: 'enable_user_activity_logging', value: 'true' }]),
      cluster('on', { cluster_parameter_group_name: 'tls' }, { references: { cluster_parameter_group_name: ['aws_redshift_parameter_group.tls.name'] } }),
      cluster('value_later', { cluster_parameter_group_name: 'later' }, { references: { cluster_parameter_group_name: ['aws_redshift_parameter_group.later.name'] } }),
      cluster('not_set_in_group', { cluster_parameter_group_name: 'other' }),
      cluster('stock', {}),
      cluster('elsewhere', { cluster_parameter_group_name: 'managed-by-another-team' }),
      cluster('name_later', { cluster_parameter_group_name: UNKNOWN }),
    ]);
    expect(verdicts(id, m)).toEqual({
      'aws_redshift_cluster.on': 'pass',
      'aws_redshift_cluster.value_later': 'unknown',
      'aws_redshift_cluster.not_set_in_group': 'fail',
      'aws_redshift_cluster.stock': 'fail',
      'aws_redshift_cluster.elsewhere': 'unknown',
      'aws_redshift_cluster.name_later': 'unknown',
    });
  });
});

describe('aws-redshift-cluster-audit-logging, -not-publicly-accessible and -cmk-encrypted', () => {
  it('aws_redshift_logging merges into its cluster; the inline block left out is off', () => {
    const m = model([
      cluster('with_resource', {}),
      rec('aws_redshift_logging.with_resource', { cluster_identifier: 'with_resource', log_destination_type: 'cloudwatch' }, { references: { cluster_identifier: ['aws_redshift_cluster.with_resource.cluster_identifier'] } }),
      cluster('none', { logging: UNKNOWN }, { configured: ['cluster_identifier', 'node_type', 'encrypted', 'publicly_accessible'] }),
    ]);
    expect(verdicts('aws-redshift-cluster-audit-logging', m)).toEqual({ 'aws_redshift_cluster.with_resource': 'pass', 'aws_redshift_cluster.none': 'fail' });
  });
  it('publicly_accessible left out takes the AWS provider v5 default (true)', () => {
    const m = model([cluster('default_public', { publicly_accessible: UNKNOWN }, { configured: ['cluster_identifier', 'node_type', 'encrypted'] })]);
    expect(verdicts('aws-redshift-cluster-not-publicly-accessible', m)).toEqual({ 'aws_redshift_cluster.default_public': 'fail' });
  });
  it('a literal key ARN not in the input is unknown; the aws/redshift alias fails', () => {
    const m = model([cluster('literal', { kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' }), cluster('alias', { kms_key_id: 'alias/aws/redshift' })]);
    expect(verdicts('aws-redshift-cluster-cmk-encrypted', m)).toEqual({ 'aws_redshift_cluster.literal': 'unknown', 'aws_redshift_cluster.alias': 'fail' });
  });
});

describe('aws-memorydb-cluster-tls-enabled and aws-memorydb-cluster-cmk', () => {
  it('tls_enabled left out is on; no kms_key_arn is a key AWS owns', () => {
    const m = model([rec('aws_memorydb_cluster.defaults', { name: 'defaults', node_type: 'db.t4g.small', acl_name: 'app' })]);
    expect(verdicts('aws-memorydb-cluster-tls-enabled', m)).toEqual({ 'aws_memorydb_cluster.defaults': 'pass' });
    expect(verdicts('aws-memorydb-cluster-cmk', m)).toEqual({ 'aws_memorydb_cluster.defaults': 'fail' });
  });
});

describe('aws-redshift-cluster-require-ssl on a live snapshot', () => {
  const cluster = { arn: 'arn:aws:redshift:us-east-1:111122223333:cluster:sis-warehouse', data: { ClusterIdentifier: 'sis-warehouse', ClusterParameterGroups: [{ ParameterGroupName: 'warehouse-tls' }], Tags: {} } };
  const live = (extra: Record<string, unknown>) => expandCompactLive({ resources: { 'AWS::Redshift::Cluster': [cluster] }, ...extra }, 'live.yaml');
  it('a group the audit could not list is an error, never a pass; a group not listed at all is unknown', () => {
    const denied = { code: 'AccessDenied', message: 'denied', call: 'redshift:DescribeClusterParameterGroups', service: 'redshift', region: 'us-east-1', resourceTypes: ['AWS::Redshift::ClusterParameterGroup'] };
    expect(statusAt(evaluateSnapshot(live({ errors: [denied] })), 'aws-redshift-cluster-require-ssl', cluster.arn)).toBe('error');
    expect(statusAt(evaluateSnapshot(live({})), 'aws-redshift-cluster-require-ssl', cluster.arn)).toBe('unknown');
  });
  it('a group whose parameters could not be read is an error', () => {
    const group = { arn: 'arn:aws:redshift:us-east-1:111122223333:parametergroup:warehouse-tls', data: { ParameterGroupName: 'warehouse-tls' }, errors: { parameters: { code: 'AccessDenied', message: 'denied', call: 'redshift:DescribeClusterParameters' } } };
    const snap = expandCompactLive({ resources: { 'AWS::Redshift::Cluster': [cluster], 'AWS::Redshift::ClusterParameterGroup': [group] } }, 'live.yaml');
    expect(statusAt(evaluateSnapshot(snap), 'aws-redshift-cluster-require-ssl', cluster.arn)).toBe('error');
  });
});

describe('aws-redshift-cluster-require-ssl: parameter groups stay in their region', () => {
  it('a cluster is judged by the group of its own region when another region has a group of the same name', () => {
    const group = (region: string, value: string) => ({ arn: `arn:aws:redshift:${region}:111122223333:parametergroup:warehouse`, data: { ParameterGroupName: 'warehouse', parameters: { require_ssl: value } } });
    const cluster = (region: string) => ({ arn: `arn:aws:redshift:${region}:111122223333:cluster:sis`, data: { ClusterIdentifier: 'sis', ClusterParameterGroups: [{ ParameterGroupName: 'warehouse' }], Tags: {} } });
    const snap = expandCompactLive({ resources: { 'AWS::Redshift::ClusterParameterGroup': [group('us-east-1', 'true'), group('us-west-2', 'false')], 'AWS::Redshift::Cluster': [cluster('us-east-1'), cluster('us-west-2')] } }, 'live.yaml');
    const f = evaluateSnapshot(snap);
    expect(statusAt(f, 'aws-redshift-cluster-require-ssl', cluster('us-east-1').arn)).toBe('pass');
    expect(statusAt(f, 'aws-redshift-cluster-require-ssl', cluster('us-west-2').arn)).toBe('fail');
  });
});

describe('a failed list of the search services is an error, never an empty pass', () => {
  it.each([
    ['es:ListDomainNames', 'es', ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'], 'aws-opensearch-domain-encrypted-at-rest'],
    ['redshift:DescribeClusters', 'redshift', ['AWS::Redshift::Cluster'], 'aws-redshift-cluster-not-publicly-accessible'],
    ['memorydb:DescribeClusters', 'memorydb', ['AWS::MemoryDB::Cluster'], 'aws-memorydb-cluster-tls-enabled'],
  ])('%s denied: %s reports error in that region', (call, service, resourceTypes, policy) => {
    const denied = { code: 'AccessDenied', message: 'denied', call, service, region: 'us-east-1', resourceTypes };
    const f = evaluateSnapshot(expandCompactLive({ resources: {}, regions: ['us-east-1'], errors: [denied] }, 'live.yaml'));
    expect(f.filter((x) => x.policyId === policy).map((x) => x.status)).toEqual(['error']);
  });
});
