/**
 * A synthetic `terraform show -json` plan of N resources spread over nested modules, with the
 * configuration references a real plan has (security groups, KMS keys, parameter groups, buckets).
 */
export function syntheticPlan(n: number): unknown {
  const perModule = 50;
  const modules = Math.ceil(n / perModule);
  const rootChildren: unknown[] = [];
  const changes: unknown[] = [];
  const moduleCalls: Record<string, unknown> = {};
  let made = 0;
  for (let m = 0; m < modules && made < n; m++) {
    const outer = `module.svc${m % 20}`;
    const inner = `${outer}.module.part${m}`;
    const resources: unknown[] = [];
    const configResources: unknown[] = [];
    for (let i = 0; i < perModule && made < n; i++, made++) {
      const kind = i % 10;
      const name = `r${i}`;
      let type: string;
      let values: Record<string, unknown>;
      let expressions: Record<string, unknown> = {};
      switch (kind) {
        case 0:
          type = 'aws_kms_key';
          values = { enable_key_rotation: i % 20 === 0, deletion_window_in_days: 30, description: 'k' };
          break;
        case 1:
          type = 'aws_db_instance';
          values = { engine: 'postgres', storage_encrypted: i % 3 !== 0, publicly_accessible: false, backup_retention_period: 7, deletion_protection: true, parameter_group_name: 'pg', iam_database_authentication_enabled: true, tags: { DataClassification: 'student-data' } };
          expressions = { kms_key_id: { references: [`aws_kms_key.r${i - 1}.arn`, `aws_kms_key.r${i - 1}`] }, vpc_security_group_ids: { references: [`aws_security_group.r${i + 1}.id`, `aws_security_group.r${i + 1}`] } };
          break;
        case 2:
          type = 'aws_security_group';
          values = { name: `sg-${m}-${i}`, ingress: [{ from_port: 5432, to_port: 5432, protocol: 'tcp', cidr_blocks: i % 4 === 0 ? ['0.0.0.0/0'] : [], ipv6_cidr_blocks: [], security_groups: [], self: false, prefix_list_ids: [], description: '' }], egress: [] };
          break;
        case 3:
          type = 'aws_s3_bucket';
          values = { bucket: `b-${m}-${i}`, force_destroy: false, tags: { DataClassification: 'student-data' } };
          break;
        case 4:
          type = 'aws_s3_bucket_versioning';
          values = { bucket: `b-${m}-${i - 1}`, versioning_configuration: [{ status: 'Enabled', mfa_delete: '' }] };
          expressions = { bucket: { references: [`aws_s3_bucket.r${i - 1}.id`, `aws_s3_bucket.r${i - 1}`] } };
          break;
        case 5:
          type = 'aws_cloudwatch_log_group';
          values = { name: `/app/${m}/${i}`, retention_in_days: i % 2 ? 30 : 0, tags: { DataClassification: 'pii' } };
          break;
        case 6:
          type = 'aws_vpc';
          values = { cidr_block: '10.0.0.0/16', enable_dns_support: true };
          break;
        case 7:
          type = 'aws_flow_log';
          values = { traffic_type: 'ALL', log_destination_type: 'cloud-watch-logs' };
          expressions = { vpc_id: { references: [`aws_vpc.r${i - 1}.id`, `aws_vpc.r${i - 1}`] } };
          break;
        case 8:
          type = 'aws_iam_policy';
          values = { name: `p${m}${i}`, policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: i % 16 === 0 ? '*' : 's3:GetObject', Resource: '*' }] }) };
          break;
        default:
          type = 'aws_lb_listener';
          values = { port: 443, protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', default_action: [{ type: 'forward' }] };
      }
      const address = `${inner}.${type}.${name}`;
      resources.push({ address, mode: 'managed', type, name, provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values, sensitive_values: {} });
      changes.push({ address, module_address: inner, mode: 'managed', type, name, provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions: ['create'], before: null, after: values, after_unknown: { id: true, arn: true }, before_sensitive: false, after_sensitive: {} } });
      configResources.push({ address: `${type}.${name}`, mode: 'managed', type, name, provider_config_key: 'aws', expressions, schema_version: 0 });
    }
    rootChildren.push({ address: outer, resources: [], child_modules: [{ address: inner, resources }] });
    const outerName = outer.slice('module.'.length);
    const call = (moduleCalls[outerName] ??= { source: `./modules/svc`, module: { resources: [], module_calls: {} } }) as { module: { module_calls: Record<string, unknown> } };
    call.module.module_calls[`part${m}`] = { source: './part', module: { resources: configResources } };
  }
  // Merge duplicate outer module entries (several inner modules share an outer one).
  const merged = new Map<string, { address: string; resources: unknown[]; child_modules: unknown[] }>();
  for (const c of rootChildren as Array<{ address: string; resources: unknown[]; child_modules: unknown[] }>) {
    const e = merged.get(c.address);
    if (e) e.child_modules.push(...c.child_modules);
    else merged.set(c.address, { ...c, child_modules: [...c.child_modules] });
  }
  return {
    format_version: '1.2',
    terraform_version: '1.9.0',
    planned_values: { root_module: { resources: [], child_modules: [...merged.values()] } },
    resource_changes: changes,
    configuration: { provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } } }, root_module: { module_calls: moduleCalls } },
  };
}

/**
 * A plan of N S3 buckets in one root module (each with the tags that bring every student-data policy
 * to bear): many findings per resource and thousands per policy, the shape that shows a renderer
 * doing per-policy or per-finding work more than once.
 */
export function syntheticBucketPlan(n: number): unknown {
  const resources: unknown[] = [];
  const changes: unknown[] = [];
  const config: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const name = `b${i}`;
    const address = `aws_s3_bucket.${name}`;
    const values = { bucket: `b-${i}`, force_destroy: false, tags: { DataClassification: 'student-data' } };
    resources.push({ address, mode: 'managed', type: 'aws_s3_bucket', name, provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values, sensitive_values: {} });
    changes.push({ address, mode: 'managed', type: 'aws_s3_bucket', name, provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions: ['create'], before: null, after: values, after_unknown: { id: true, arn: true }, before_sensitive: false, after_sensitive: {} } });
    config.push({ address, mode: 'managed', type: 'aws_s3_bucket', name, provider_config_key: 'aws', expressions: {}, schema_version: 0 });
  }
  return {
    format_version: '1.2',
    terraform_version: '1.9.0',
    planned_values: { root_module: { resources } },
    resource_changes: changes,
    configuration: { provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } } }, root_module: { resources: config } },
  };
}
