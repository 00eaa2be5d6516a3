import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { loadDataStoreEntries } from '../../checks/engine/data-stores.js';
import { InputError } from '../../checks/errors.js';
import { KINDS } from '../../checks/model/kinds/index.js';
import { TF_ADAPTERS } from '../../checks/adapters/terraform/index.js';
import { LIVE_ADAPTERS } from '../../checks/adapters/live/index.js';

const { dataStores } = loadCatalog();

describe('policies/data-stores.yaml', () => {
  it('lists the stores the issue names, in every category it asks for', () => {
    for (const t of ['aws_efs_file_system', 'aws_dynamodb_table', 'aws_sqs_queue', 'aws_cloudfront_distribution', 'aws_db_instance', 'aws_s3_bucket', 'aws_ebs_snapshot', 'aws_ami', 'aws_kinesis_stream', 'aws_msk_cluster', 'aws_opensearch_domain', 'aws_redshift_cluster', 'aws_glue_catalog_table', 'aws_athena_workgroup', 'aws_lakeformation_resource', 'aws_cloudwatch_log_group', 'aws_backup_vault', 'aws_lambda_function', 'aws_ecs_task_definition', 'aws_ssm_parameter', 'aws_secretsmanager_secret', 'aws_ecr_repository', 'aws_api_gateway_rest_api', 'aws_apigatewayv2_api', 'aws_appsync_graphql_api', 'aws_cognito_user_pool', 'aws_elasticache_replication_group', 'aws_docdb_cluster', 'aws_neptune_cluster', 'aws_keyspaces_table', 'aws_timestreamwrite_table', 'aws_memorydb_cluster', 'aws_fsx_lustre_file_system', 'aws_db_snapshot', 'aws_sns_topic', 'aws_kinesis_firehose_delivery_stream', 'aws_mq_broker', 'aws_elasticsearch_domain']) {
      expect(dataStores.ofType(t), t).toBeDefined();
    }
    for (const t of ['AWS::DynamoDB::Table', 'AWS::EFS::FileSystem', 'AWS::SQS::Queue', 'AWS::CloudFront::Distribution', 'AWS::Logs::LogGroup', 'AWS::S3::Bucket']) expect(dataStores.ofType(t), t).toBeDefined();
    expect(dataStores.ofType('aws_route_table')).toBeUndefined();
    expect(dataStores.ofType('aws_kms_key')).toBeUndefined();
    for (const e of dataStores.entries) expect(e.why.length, e.name).toBeGreaterThan(20);
  });

  it('names real model kinds that carry tags and a classification, mapped by an adapter of each source', () => {
    for (const e of dataStores.entries) {
      for (const k of e.kinds ?? []) {
        expect(KINDS[k]?.attrs.tags, `${k} declares tags`).toBeDefined();
        expect(KINDS[k]?.attrs.dataClass, `${k} declares dataClass`).toBeDefined();
        expect(e.terraform.some((t) => TF_ADAPTERS[t]), `${e.name}: a Terraform adapter`).toBe(true);
        expect(e.live.some((t) => LIVE_ADAPTERS[t]), `${e.name}: a live adapter`).toBe(true);
      }
    }
  });

  it('a type every adapter maps to a data-store kind is in the list (the list and the model cannot drift apart)', () => {
    for (const [type, adapter] of Object.entries(TF_ADAPTERS)) {
      if (type.startsWith('data.')) continue;
      const made = adapter({ address: `${type}.x`, mode: 'managed', type, name: 'x', modulePath: '', values: {}, references: {}, loc: {}, input: 'main.tf', source: 'plan' });
      for (const r of [made ?? []].flat()) {
        if (r.mergeInto || !dataStores.kinds.has(r.kind)) continue;
        expect(dataStores.ofType(type), `${type} makes ${r.kind}, a data store`).toBeDefined();
      }
    }
  });

  it('rejects an unknown model kind and a type listed twice, naming the file and pointer', () => {
    const write = (text: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'frds-'));
      writeFileSync(join(dir, 'data-stores.yaml'), text);
      return dir;
    };
    const entry = (name: string, tf: string, kinds = '') => `  - name: ${name}\n    category: database\n    terraform: [${tf}]\n    live: ['AWS::X::Y${name.length}']\n${kinds}    why: A place where records are kept.\n`;
    expect(() => loadDataStoreEntries(write(`stores:\n${entry('Table', 'aws_x_table', '    kinds: [aws.nope.table]\n')}`))).toThrow(/\/stores\/0\/kinds: unknown model kind "aws.nope.table"/);
    expect(() => loadDataStoreEntries(write(`stores:\n${entry('Table', 'aws_x_table')}${entry('Another', 'aws_x_table')}`))).toThrow(/type "aws_x_table" is already listed under "Table"/);
    expect(() => loadDataStoreEntries(write('stores:\n  - name: Table\n    category: spreadsheet\n    terraform: [aws_x]\n    live: [\'AWS::X::Y\']\n    why: A place where records are kept.\n'))).toThrow(InputError);
  });
});
