import { defineKinds } from './spec.js';

// doors (issue 14): instance metadata service settings, shared by instances and launch templates.
export const IMDS = {
  httpTokens: {
    type: 'string',
    description:
      "IMDS session tokens: 'required' (IMDSv2 only) | 'optional' (metadata_options.http_tokens; live MetadataOptions.HttpTokens). Default optional (AWS's launch default unless the AMI or the account sets IMDSv2).",
  },
  httpEndpoint: { type: 'string', description: "IMDS endpoint: 'enabled' | 'disabled' (metadata_options.http_endpoint; live MetadataOptions.HttpEndpoint). Default enabled." },
  imdsv2Required: { type: 'boolean', description: 'Derived: IMDSv1 cannot be used (httpTokens required, or the endpoint disabled).' },
} as const;

const TAGS = {
  tags: { type: 'object', description: 'Resource tags (key -> value); provider default_tags are not merged in' },
  dataClass: {
    type: 'string',
    description:
      'Lowercased value of the first tag among DataClassification, DataClass, data_classification, data-classification, Classification',
  },
} as const;

/**
 * Fields of one normalised security-group rule (`ingressRules` / `egressRules` elements). Every source
 * (inline `ingress`/`egress` blocks, `aws_security_group_rule`, `aws_vpc_security_group_*_rule`, live
 * `IpPermissions`) produces this shape, one element per rule as written (a rule with several CIDRs
 * stays one element).
 */
export const SG_RULE_FIELDS: Record<string, string> = {
  protocol:
    "'-1' for all protocols (Terraform '-1'/'all', API '-1'), else 'tcp' | 'udp' | 'icmp' | 'icmpv6' or the IP protocol number as a string",
  fromPort: 'First port of the range (tcp/udp); 0 for all-protocol rules; ICMP type for icmp',
  toPort: 'Last port of the range (tcp/udp); 65535 for all-protocol rules; ICMP code for icmp',
  cidrIpv4: 'IPv4 CIDR sources (ingress) or destinations (egress), as written',
  cidrIpv6: 'IPv6 CIDR sources/destinations, as written',
  sourceSecurityGroups: 'Security groups the rule admits (ingress) or targets (egress): ids, or Terraform addresses when the id is known only after apply',
  prefixLists:
    'Managed prefix lists the rule admits (ingress) or targets (egress): ids, or Terraform addresses when the id is known only after apply (resolved through the group\'s `prefixLists` link)',
  self: 'The rule admits the group itself',
  description: 'Rule description',
  origin: "Where the rule came from: 'inline' | 'aws_security_group_rule' | 'aws_vpc_security_group_ingress_rule' | 'aws_vpc_security_group_egress_rule' | 'live'",
  _loc: 'Location of the rule (file/line/address/attribute)',
};

export const ec2Kinds = defineKinds([
  {
    kind: 'aws.ec2.vpc',
    title: 'VPC',
    terraform: ['aws_vpc', 'aws_default_vpc'],
    attrs: {
      cidrBlock: { type: 'string', description: 'Primary IPv4 CIDR block' },
      isDefault: { type: 'boolean', description: 'This is the region default VPC (aws_default_vpc, or live IsDefault)' },
      enableDnsSupport: { type: 'boolean', description: 'DNS resolution through the Amazon provided server (default true)' },
      enableDnsHostnames: { type: 'boolean', description: 'Public DNS hostnames for instances (default false; true for the default VPC)' },
      ...TAGS,
    },
    links: {
      flowLogs: { kinds: ['aws.ec2.flow-log'], description: 'Flow logs attached to this VPC (inverse of flow log `vpc`)' },
      endpoints: { kinds: ['aws.ec2.vpc-endpoint'], description: 'VPC endpoints in this VPC (inverse of endpoint `vpc`; guard slice)' },
      subnets: { kinds: ['aws.ec2.subnet'], description: 'Subnets in this VPC (inverse of subnet `vpc`)' },
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'Security groups in this VPC (inverse of security group `vpc`)' },
      defaultSecurityGroup: {
        kinds: ['aws.ec2.security-group'],
        description: 'The VPC default security group, when the input manages or reads it (aws_default_security_group; live: group named "default")',
      },
    },
  },
  {
    kind: 'aws.ec2.subnet',
    title: 'VPC subnet',
    terraform: ['aws_subnet', 'aws_default_subnet'],
    attrs: {
      cidrBlock: { type: 'string', description: 'IPv4 CIDR block' },
      availabilityZone: { type: 'string', description: 'Availability zone' },
      mapPublicIpOnLaunch: {
        type: 'boolean',
        description: 'Instances launched here get a public IPv4 address (default false; true for default subnets)',
      },
      assignIpv6AddressOnCreation: { type: 'boolean', description: 'Network interfaces get an IPv6 address (default false)' },
      isDefault: { type: 'boolean', description: 'Default subnet of the default VPC' },
      ...TAGS,
    },
    links: {
      vpc: { kinds: ['aws.ec2.vpc'], description: 'VPC of the subnet' },
      flowLogs: { kinds: ['aws.ec2.flow-log'], description: 'Flow logs attached to this subnet (inverse of flow log `subnet`)' },
    },
  },
  {
    kind: 'aws.ec2.security-group',
    title: 'Security group',
    terraform: [
      'aws_security_group',
      'aws_default_security_group',
      'aws_security_group_rule',
      'aws_vpc_security_group_ingress_rule',
      'aws_vpc_security_group_egress_rule',
    ],
    attrs: {
      name: { type: 'string', description: 'Group name' },
      description: { type: 'string', description: 'Group description' },
      isDefault: { type: 'boolean', description: 'The VPC default security group (aws_default_security_group; live: GroupName "default")' },
      ingressRules: {
        type: 'object[]',
        description:
          'Every inbound rule of the group, normalised: inline ingress blocks plus standalone rule resources (appended by the linker). Empty when the group admits nothing',
        fields: SG_RULE_FIELDS,
      },
      egressRules: {
        type: 'object[]',
        description:
          'Every outbound rule, normalised. Terraform removes the AWS default allow-all egress rule from groups it creates, so a Terraform group without egress rules has none',
        fields: SG_RULE_FIELDS,
      },
      ...TAGS,
    },
    links: {
      vpc: { kinds: ['aws.ec2.vpc'], description: 'VPC of the group' },
      defaultOf: { kinds: ['aws.ec2.vpc'], description: 'For a default security group: the VPC it is the default of (inverse: vpc `defaultSecurityGroup`)' },
      sourceGroups: {
        kinds: ['aws.ec2.security-group'],
        description: 'Security groups referenced by this group\'s rules (ingress sources and egress targets), resolved by reference even when the id is known only after apply',
      },
      attachedResources: {
        kinds: [
          'aws.rds.instance',
          'aws.rds.cluster',
          'aws.elasticache.replication-group',
          'aws.elasticache.cluster',
          'aws.elb.load-balancer',
        ],
        description:
          "Resources that use this group. Filled by inverse links: other adapters add linkRef(rec, 'securityGroups', 'vpc_security_group_ids' | 'security_group_ids' | 'security_groups' | ..., ['aws.ec2.security-group'], { inverse: 'attachedResources' })",
      },
      prefixLists: {
        kinds: ['aws.ec2.managed-prefix-list'],
        description:
          "Managed prefix lists the group's rules name (sources of inbound rules, destinations of outbound ones), resolved by reference even when the id is known only after apply; live, a stand-in for a prefix-list listing that failed",
      },
    },
  },
  {
    kind: 'aws.ec2.managed-prefix-list',
    title: 'Managed prefix list',
    terraform: ['aws_ec2_managed_prefix_list', 'aws_ec2_managed_prefix_list_entry', 'data.aws_ec2_managed_prefix_list', 'data.aws_prefix_list'],
    attrs: {
      name: { type: 'string', description: 'Prefix list name (AWS-managed lists: com.amazonaws.<region>.<service>, com.amazonaws.global.cloudfront.origin-facing)' },
      awsManaged: {
        type: 'boolean',
        description:
          'The list is AWS-managed: the address ranges of an AWS service (owner AWS; data.aws_prefix_list; a com.amazonaws. name). Its entries are AWS addresses, not the internet at large',
      },
      entries: {
        type: 'string[]',
        description:
          'CIDRs of the list (Terraform `entry` blocks plus aws_ec2_managed_prefix_list_entry resources, appended by the linker; a data source\'s `entries`; live GetManagedPrefixListEntries, read for customer-managed lists a security group names)',
      },
      addressFamily: { type: 'string', description: 'IPv4 | IPv6' },
      ...TAGS,
    },
    links: {
      namedBy: {
        kinds: ['aws.ec2.security-group'],
        description: 'Live only: the groups of the region a stand-in for a failed prefix-list listing is linked to (inverse: group `prefixLists`)',
      },
    },
  },
  {
    kind: 'aws.ec2.flow-log',
    title: 'VPC flow log',
    terraform: ['aws_flow_log'],
    attrs: {
      trafficType: { type: 'string', description: "ACCEPT | REJECT | ALL (traffic captured)" },
      destinationType: { type: 'string', description: "cloud-watch-logs (default) | s3 | kinesis-data-firehose" },
      logDestination: { type: 'string', description: 'ARN of the destination (log group, bucket, stream)' },
      logGroupName: { type: 'string', description: 'Deprecated log_group_name (CloudWatch Logs destination)' },
      maxAggregationInterval: { type: 'number', description: 'Seconds: 600 (default) or 60' },
      attachedTo: { type: 'string', description: "What the flow log covers: 'vpc' | 'subnet' | 'eni' | 'transit-gateway' | 'transit-gateway-attachment'" },
      ...TAGS,
    },
    links: {
      vpc: { kinds: ['aws.ec2.vpc'], description: 'VPC the flow log covers (inverse: vpc `flowLogs`)' },
      subnet: { kinds: ['aws.ec2.subnet'], description: 'Subnet the flow log covers, when attached to a subnet' },
      logGroup: { kinds: ['aws.logs.log-group'], description: 'CloudWatch Logs log group receiving the records' },
      bucket: { kinds: ['aws.s3.bucket'], description: 'S3 bucket receiving the records' },
    },
  },
  {
    kind: 'aws.ec2.ebs-volume',
    title: 'EBS volume',
    terraform: ['aws_ebs_volume'],
    attrs: {
      encrypted: {
        type: 'boolean',
        description:
          'The volume is encrypted. Terraform: `encrypted`, default false when not written (AWS still encrypts it when the region has EBS encryption by default; see the account)',
      },
      kmsKeyId: { type: 'string', description: 'KMS key ARN used for encryption (absent: the AWS managed key aws/ebs or the account default key)' },
      snapshotId: { type: 'string', description: 'Snapshot the volume is created from' },
      size: { type: 'number', description: 'Size in GiB' },
      volumeType: { type: 'string', description: 'gp2 | gp3 | io1 | io2 | st1 | sc1 | standard' },
      availabilityZone: { type: 'string', description: 'Availability zone' },
      ...TAGS,
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'Customer-managed key used for encryption' },
      account: { kinds: ['aws.account'], description: 'The account (its EBS encryption-by-default settings apply to new volumes)' },
    },
  },
  {
    kind: 'aws.ec2.instance',
    title: 'EC2 instance',
    terraform: ['aws_instance', 'aws_spot_instance_request'],
    attrs: {
      instanceId: { type: 'string', description: 'Instance id (id; spot_instance_id of an aws_spot_instance_request; known only after apply in a plan)' },
      state: { type: 'string', description: 'Instance state (live: pending, running, stopping, stopped, shutting-down)' },
      plaintextCredentials: {
        type: 'object[]',
        description:
          'Credentials in the instance user data, never the value itself: a line holding an AWS access key id, private key, token or URL with a password, or assigning a literal to a credential-named variable, key or flag. Terraform: user_data and user_data_base64 (base64 and gzip decoded); live: ec2:DescribeInstanceAttribute userData, judged by the collector, which keeps only these entries.',
        fields: { attribute: 'user_data, user_data_base64 (Terraform) or userData (live)', variable: 'variable or key assigned on the line', line: 'line within the user data, 1-based', reason: 'why it is a credential' },
      },
      unreadCredentials: {
        type: 'object[]',
        description: 'User data that could not be read: a plan showing only its hash (AWS provider v5), a value this input does not show, or live user data that is not text.',
        fields: { attribute: 'attribute', reason: 'why it could not be read' },
      },
      // doors (issue 14)
      ...IMDS,
      ...TAGS,
      // doors (wave 3)
      associatePublicIpAddress: {
        type: 'boolean',
        description:
          "The instance has a public IPv4 address. Terraform: associate_public_ip_address (Optional+Computed; absent when not configured, and the subnet's map_public_ip_on_launch decides). Live: a PublicIpAddress is present (DescribeInstances).",
      },
    },
    links: {
      subnet: { kinds: ['aws.ec2.subnet'], description: 'The subnet the instance runs in (subnet_id; live SubnetId)' },
    },
  },
]);
