import { defineKinds } from './spec.js';

export const redshiftKinds = defineKinds([
  {
    kind: 'aws.redshift.cluster',
    title: 'Redshift cluster',
    terraform: ['aws_redshift_cluster', 'aws_redshift_logging'],
    attrs: {
      identifier: { type: 'string', description: 'Cluster identifier (cluster_identifier; live: ClusterIdentifier).' },
      encrypted: { type: 'boolean', description: 'Data and snapshots are encrypted at rest (encrypted; live: Encrypted). Default false (AWS provider v5).' },
      kmsKeyId: { type: 'string', description: 'KMS key of the cluster (kms_key_id; live: KmsKeyId); unset with encryption on means the AWS-managed aws/redshift key.' },
      kmsKeyIsAwsManaged: { type: 'boolean', description: 'The cluster key is the AWS-managed aws/redshift key (kms_key_id unset or an aws/ alias); false for a customer-managed key; unknown otherwise.' },
      publiclyAccessible: { type: 'boolean', description: 'The cluster has a public endpoint (publicly_accessible; live: PubliclyAccessible). Default true (AWS provider v5).' },
      loggingEnabled: {
        type: 'boolean',
        description: 'Audit logging (connection, user and user-activity logs) to S3 or CloudWatch is on (logging.enable, or an aws_redshift_logging resource for the cluster; live: DescribeLoggingStatus LoggingEnabled). Default false.',
      },
      parameterGroupName: {
        type: 'string',
        description: 'Cluster parameter group (cluster_parameter_group_name; live: ClusterParameterGroups[0].ParameterGroupName). Default "default.redshift-1.0", whose require_ssl is false.',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of kms_key_id, when it is in the model.' },
      parameterGroup: { kinds: ['aws.redshift.parameter-group'], description: 'The cluster parameter group of cluster_parameter_group_name, when it is in the model.' },
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'VPC security groups (vpc_security_group_ids); each group gets the inverse link `attachedResources`.' },
    },
  },
  {
    kind: 'aws.redshift.parameter-group',
    title: 'Redshift cluster parameter group',
    terraform: ['aws_redshift_parameter_group'],
    attrs: {
      name: { type: 'string', description: 'Parameter group name (name; live: ParameterGroupName).' },
      requireSsl: {
        type: 'string',
        description: 'Value of the require_ssl parameter (parameter { name = "require_ssl" }; live: DescribeClusterParameters). Default "false", the engine default.',
      },
    },
    links: {},
  },
  // variants slice (issue 14, wave 4)
  {
    kind: 'aws.redshift.snapshot',
    title: 'Redshift cluster snapshot',
    terraform: ['aws_redshift_cluster_snapshot'],
    attrs: {
      identifier: { type: 'string', description: 'Snapshot identifier (snapshot_identifier; live: SnapshotIdentifier).' },
      clusterIdentifier: { type: 'string', description: 'The cluster snapshotted (cluster_identifier; live: ClusterIdentifier).' },
      encrypted: {
        type: 'boolean',
        description: 'The snapshot is encrypted (live: Encrypted). Terraform has no argument for it: a snapshot takes the encryption of its cluster (see the `cluster` link), so it is computed here.',
      },
      kmsKeyId: { type: 'string', description: 'KMS key of the snapshot (kms_key_id, computed; live: KmsKeyId).' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      cluster: { kinds: ['aws.redshift.cluster'], description: 'The cluster snapshotted (cluster_identifier), when it is in the model. Terraform only: live, the snapshot answers Encrypted itself.' },
    },
  },
  // rest slice (issue 14, wave 4)
  {
    kind: 'aws.redshiftserverless.namespace',
    title: 'Redshift Serverless namespace',
    terraform: ['aws_redshiftserverless_namespace'],
    attrs: {
      name: { type: 'string', description: 'Namespace name (namespace_name; live: namespaceName).' },
      kmsKeyId: { type: 'string', description: 'KMS key encrypting the namespace (kms_key_id; live: kmsKeyId). Unset (live: AWS_OWNED_KMS_KEY): a key AWS owns.' },
      kmsKeyIsAwsManaged: {
        type: 'boolean',
        description:
          'The namespace key is one AWS owns or manages (kms_key_id unset or an aws/ alias; live: kmsKeyId AWS_OWNED_KMS_KEY, or a key whose KeyManager is AWS); false for a customer-managed key; unknown for a literal key ARN not in the input.',
      },
      logExports: { type: 'string[]', description: 'Logs exported to CloudWatch Logs (log_exports: userlog, connectionlog, useractivitylog; live: logExports). Default none.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: ListTagsForResource as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of kms_key_id, when it is in the model.' },
    },
  },
  {
    kind: 'aws.redshiftserverless.workgroup',
    title: 'Redshift Serverless workgroup',
    terraform: ['aws_redshiftserverless_workgroup'],
    attrs: {
      name: { type: 'string', description: 'Workgroup name (workgroup_name; live: workgroupName).' },
      namespaceName: { type: 'string', description: 'The namespace whose databases the workgroup serves (namespace_name; live: namespaceName).' },
      publiclyAccessible: {
        type: 'boolean',
        description: 'The workgroup endpoint resolves to public addresses, reachable from the internet wherever its security groups allow (publicly_accessible; live: publiclyAccessible). Default false.',
      },
      enhancedVpcRouting: { type: 'boolean', description: 'COPY and UNLOAD traffic stays in the VPC (enhanced_vpc_routing; live: enhancedVpcRouting). Default false.' },
      requireSsl: {
        type: 'string',
        description:
          'The workgroup\'s require_ssl configuration parameter, lowercased ("true" refuses connections without TLS): config_parameter with parameter_key require_ssl (live: configParameters). Unset in the configuration it is the service default, which the input does not show: unknown.',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: not read, {}).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; without one, the classification of its namespace (the workgroup serves the namespace\'s data).',
      },
    },
    links: {
      namespace: { kinds: ['aws.redshiftserverless.namespace'], description: 'The namespace of namespace_name, whose classification the workgroup takes when it has none of its own.' },
    },
  },
]);
