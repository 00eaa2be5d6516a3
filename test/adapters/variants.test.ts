import { describe, expect, it } from 'vitest';
import { TF_ADAPTERS } from '../../checks/adapters/terraform/index.js';
import { KINDS } from '../../checks/model/kinds/index.js';
import type { Resource } from '../../checks/model/resource.js';
import type { TfRecord } from '../../checks/sources/terraform/record.js';
import { UNKNOWN } from '../../checks/model/value.js';
import { rec, statusOf } from '../helpers/policy-tester.js';

// Issue 14, wave 4 (variants slice): Terraform types that are variants of modelled kinds, or new kinds beside them.
function adapt(r: TfRecord): Resource {
  const out = TF_ADAPTERS[r.type]!(r);
  return (Array.isArray(out) ? out[0] : out)!;
}

function declared(r: TfRecord, kind: string): Resource {
  const res = adapt(r);
  expect(res.kind).toBe(kind);
  const spec = KINDS[res.kind]!;
  expect(spec.terraform).toContain(r.type);
  for (const a of Object.keys(res.attrs)) expect(spec.attrs, `${res.kind}.${a}`).toHaveProperty(a);
  for (const l of res.linkRefs ?? []) expect(spec.links, `${res.kind} link ${l.name}`).toHaveProperty(l.name);
  return res;
}

describe('aws_spot_instance_request is an EC2 instance', () => {
  it('fills the instance attributes, its instance id from spot_instance_id', () => {
    const r = declared(rec('aws_spot_instance_request.a', { id: 'sir-0123', spot_instance_id: 'i-0abc', metadata_options: [{ http_tokens: 'required' }] }), 'aws.ec2.instance');
    expect(r.attrs.instanceId!.value).toBe('i-0abc');
    expect(r.attrs.imdsv2Required!.value).toBe(true);
  });

  it('the instance policies judge it like aws_instance', () => {
    const bad = rec('aws_spot_instance_request.bad', { ami: 'ami-1', instance_type: 't3.small' });
    const good = rec('aws_spot_instance_request.good', { ami: 'ami-1', instance_type: 't3.small', metadata_options: [{ http_endpoint: 'enabled', http_tokens: 'required' }] });
    expect(statusOf('aws-ec2-instance-imdsv2', [bad, good], 'aws_spot_instance_request.bad')).toBe('fail');
    expect(statusOf('aws-ec2-instance-imdsv2', [bad, good], 'aws_spot_instance_request.good')).toBe('pass');
  });
});

describe('DocumentDB and Neptune cluster instances are kinds of their own, linked to their cluster', () => {
  it('a DocumentDB instance without ca_cert_identifier takes AWS default CA (a default, not a guess)', () => {
    const r = declared(rec('aws_docdb_cluster_instance.a', { identifier: 'i', cluster_identifier: 'c' }), 'aws.docdb.instance');
    expect(r.attrs.caCertIdentifier).toMatchObject({ value: 'rds-ca-rsa2048-g1', origin: 'default' });
    expect(r.linkRefs!.map((l) => l.name)).toContain('cluster');
  });

  it('a Neptune instance is private unless publicly_accessible says otherwise', () => {
    const r = declared(rec('aws_neptune_cluster_instance.a', { identifier: 'i', cluster_identifier: 'c' }), 'aws.neptune.instance');
    expect(r.attrs.publiclyAccessible).toMatchObject({ value: false, origin: 'default' });
    expect(declared(rec('aws_neptune_cluster_instance.b', { publicly_accessible: true }), 'aws.neptune.instance').attrs.publiclyAccessible!.value).toBe(true);
  });
});

describe('aws_docdb_elastic_cluster', () => {
  it('without kms_key_id uses the AWS managed key; a key resource is customer managed', () => {
    const bare = declared(rec('aws_docdb_elastic_cluster.a', { name: 'c' }), 'aws.docdb.elastic-cluster');
    expect(bare.attrs.kmsKeyIsAwsManaged).toMatchObject({ value: true, origin: 'default' });
    const cmk = declared(rec('aws_docdb_elastic_cluster.b', { name: 'c', kms_key_id: UNKNOWN }, { references: { kms_key_id: ['aws_kms_key.k'] } }), 'aws.docdb.elastic-cluster');
    expect(cmk.attrs.kmsKeyIsAwsManaged).toMatchObject({ value: false, origin: 'explicit' });
  });
});

describe('aws_dynamodb_table_replica is a DynamoDB table', () => {
  it('takes its name from the global table ARN, its own key, PITR and deletion protection; TTL is the global table s', () => {
    const r = declared(rec('aws_dynamodb_table_replica.a', { global_table_arn: 'arn:aws:dynamodb:us-east-1:111122223333:table/sis-sessions' }), 'aws.dynamodb.table');
    expect(r.attrs.name!.value).toBe('sis-sessions');
    expect(r.attrs.kmsKeyIsAwsManaged).toMatchObject({ value: true, origin: 'default' });
    expect(r.attrs.pointInTimeRecovery).toMatchObject({ value: false, origin: 'default' });
    expect(r.attrs.deletionProtection).toMatchObject({ value: false, origin: 'default' });
    expect(r.attrs.ttlEnabled!.origin).toBe('unknown');
    const on = declared(rec('aws_dynamodb_table_replica.b', { global_table_arn: 'x/t', point_in_time_recovery: true, deletion_protection_enabled: true }), 'aws.dynamodb.table');
    expect([on.attrs.pointInTimeRecovery!.value, on.attrs.deletionProtection!.value]).toEqual([true, true]);
  });
});

describe('aws_ebs_snapshot_import is an EBS snapshot', () => {
  it('is unencrypted unless it says encrypted = true', () => {
    expect(declared(rec('aws_ebs_snapshot_import.a', { role_name: 'vmimport' }), 'aws.ec2.snapshot').attrs.encrypted).toMatchObject({ value: false, origin: 'default' });
    expect(declared(rec('aws_ebs_snapshot_import.b', { encrypted: true }), 'aws.ec2.snapshot').attrs.encrypted!.value).toBe(true);
  });
});

describe('aws_backup_logically_air_gapped_vault is a backup vault', () => {
  it('is locked from the start with its retention as the lock; no encryption_key_arn means a key AWS owns', () => {
    const r = declared(rec('aws_backup_logically_air_gapped_vault.a', { name: 'v', min_retention_days: 7, max_retention_days: 35 }), 'aws.backup.vault');
    expect(r.attrs.locked!.value).toBe(true);
    expect([r.attrs.lockMinRetentionDays!.value, r.attrs.lockMaxRetentionDays!.value]).toEqual([7, 35]);
    expect(r.attrs.kmsKeyIsAwsManaged).toMatchObject({ value: true, origin: 'default' });
    expect(r.attrs.forceDestroy!.value).toBe(false);
  });
});

describe('aws_redshift_cluster_snapshot', () => {
  it('has no encryption of its own in Terraform: the linked cluster decides', () => {
    const cluster = (encrypted: boolean) => rec('aws_redshift_cluster.w', { cluster_identifier: 'w', encrypted, publicly_accessible: false });
    const snap = rec('aws_redshift_cluster_snapshot.s', { cluster_identifier: 'w', snapshot_identifier: 's' });
    expect(declared(snap, 'aws.redshift.snapshot').attrs.encrypted!.origin).toBe('unknown');
    expect(statusOf('aws-redshift-snapshot-encrypted', [cluster(true), snap], 'aws_redshift_cluster_snapshot.s')).toBe('pass');
    expect(statusOf('aws-redshift-snapshot-encrypted', [cluster(false), snap], 'aws_redshift_cluster_snapshot.s')).toBe('fail');
    expect(statusOf('aws-redshift-snapshot-encrypted', [snap], 'aws_redshift_cluster_snapshot.s')).toBe('unknown');
  });
});
