import { defineKinds } from './spec.js';

/**
 * The AWS account (per region where settings are regional). For HCL and plan there is one synthetic
 * account resource per scan (address `account`), which account-level Terraform resources merge into;
 * values no configuration sets stay unknown there, so "must exist" checks say "needs live verification".
 */
export const accountKinds = defineKinds([
  {
    kind: 'aws.account',
    title: 'AWS account settings',
    terraform: [
      'aws_ebs_encryption_by_default',
      'aws_ebs_default_kms_key',
      'aws_s3_account_public_access_block',
      // guard slice: account guardrails
      'aws_guardduty_detector',
      'aws_guardduty_detector_feature',
      'aws_securityhub_account',
      'aws_securityhub_standards_subscription',
      'aws_config_configuration_recorder',
      'aws_config_configuration_recorder_status',
      'aws_config_delivery_channel',
      'aws_iam_account_password_policy',
      // guard slice (issue 14, wave 3)
      'aws_accessanalyzer_analyzer',
      'aws_macie2_account',
      // backup opt-in slice: AWS Backup's per-region resource-type opt-in
      'aws_backup_region_settings',
    ],
    attrs: {
      accountId: { type: 'string', description: 'Account id, when known' },
      settingsScope: {
        type: 'string',
        description:
          "Live: 'account' on the one resource per account holding the account-wide settings (S3 Block Public Access, root user, trails, regions in use), 'region' on the one per audited region holding regional settings (EBS defaults). Absent for Terraform, whose synthetic account holds whatever the configuration declares.",
      },
      ebsEncryptionByDefault: { type: 'boolean', description: 'EBS encryption by default is enabled in the region' },
      ebsEncryptionByDefaultRegions: {
        type: 'object[]',
        description:
          'Terraform only: one entry per aws_ebs_encryption_by_default, { region (its provider region, or unknown), enabled }, so a volume is judged by the setting of its own region ([] when the configuration declares none). Live reads each region\'s account resource instead.',
        fields: { region: 'region name, or unknown', enabled: 'true, false, or unknown after apply' },
      },
      ebsDefaultKmsKeyId: { type: 'string', description: 'Default KMS key for EBS encryption' },
      s3BlockPublicAcls: { type: 'boolean', description: 'Account-level S3 Block Public Access: BlockPublicAcls' },
      s3IgnorePublicAcls: { type: 'boolean', description: 'Account-level S3 Block Public Access: IgnorePublicAcls' },
      s3BlockPublicPolicy: { type: 'boolean', description: 'Account-level S3 Block Public Access: BlockPublicPolicy' },
      s3RestrictPublicBuckets: { type: 'boolean', description: 'Account-level S3 Block Public Access: RestrictPublicBuckets' },
      rootMfaEnabled: { type: 'boolean', description: 'The root user has MFA (live only)' },
      rootAccessKeysPresent: { type: 'boolean', description: 'The root user has access keys (live only)' },
      rootDaysSinceLastUse: {
        type: 'number',
        description: "Days from the root user's last use (credential report password_last_used, access_key_N_last_used_date) to the collection time; absent when it was never used (live only)",
      },
      // guard slice: regional guardrails (live: the region's account resource; Terraform: the synthetic account).
      guardDutyEnabled: {
        type: 'boolean',
        description: 'A GuardDuty detector is enabled in the region. Terraform: aws_guardduty_detector `enable` (default true); live: ListDetectors + GetDetector Status ENABLED (no detector: false).',
      },
      guardDutyS3Protection: {
        type: 'boolean',
        description: 'GuardDuty S3 Protection is on. Terraform: aws_guardduty_detector_feature S3_DATA_EVENTS `status` ENABLED, or the detector\'s `datasources.s3_logs.enable`; live: GetDetector Features S3_DATA_EVENTS (or DataSources.S3Logs) ENABLED.',
      },
      guardDutyRdsProtection: {
        type: 'boolean',
        description: 'GuardDuty RDS Protection is on. Terraform: aws_guardduty_detector_feature RDS_LOGIN_EVENTS `status` ENABLED; live: GetDetector Features RDS_LOGIN_EVENTS ENABLED.',
      },
      securityHubEnabled: {
        type: 'boolean',
        description: 'Security Hub is enabled in the region. Terraform: an aws_securityhub_account; live: DescribeHub answers (InvalidAccessException "not subscribed": false).',
      },
      securityHubStandards: {
        type: 'string[]',
        description: 'Security Hub standards enabled. Terraform: aws_securityhub_standards_subscription `standards_arn`, plus the two default standards while aws_securityhub_account `enable_default_standards` is true (its default); live: GetEnabledStandards StandardsArn (status READY or PENDING).',
      },
      detectionRegions: {
        type: 'object[]',
        description:
          "Terraform only: one entry per aws_guardduty_detector and aws_securityhub_account, { region (its provider region, or unknown), service ('guardduty' or 'securityhub'), enabled }, so the routing of findings is judged per region ([] when the configuration declares none). Live reads each region's account resource (guardDutyEnabled, securityHubEnabled) instead.",
        fields: { region: 'region name, or unknown', service: "'guardduty' or 'securityhub'", enabled: 'true, false, or unknown after apply' },
      },
      securityHubAggregators: {
        type: 'object[]',
        description:
          "Security Hub cross-Region aggregation, one entry per finding aggregator: { region (the aggregation Region), linkingMode (ALL_REGIONS, ALL_REGIONS_EXCEPT_SPECIFIED, SPECIFIED_REGIONS, NO_REGIONS), regions }. The aggregation Region receives the findings of the linked Regions and sends them to its EventBridge. Terraform: aws_securityhub_finding_aggregator (`linking_mode`, `specified_regions`; region: its provider's), [] when there is none; live: ListFindingAggregators in each Region with a hub, GetFindingAggregator in the aggregation Region, on that Region's account resource.",
        fields: { region: 'aggregation region, or unknown', linkingMode: 'the linking mode, or unknown', regions: 'the specified regions (string[]), or unknown' },
      },
      configRecorderAllSupported: {
        type: 'boolean',
        description: 'The AWS Config recorder records all supported resource types. Terraform: aws_config_configuration_recorder `recording_group.all_supported` (default true); live: DescribeConfigurationRecorders recordingGroup.allSupported (no recorder: false).',
      },
      configRecorderRecording: {
        type: 'boolean',
        description: 'The AWS Config recorder is recording. Terraform: aws_config_configuration_recorder_status `is_enabled`; live: DescribeConfigurationRecorderStatus recording (no recorder: false).',
      },
      configDeliveryChannel: {
        type: 'boolean',
        description: 'An AWS Config delivery channel exists. Terraform: an aws_config_delivery_channel; live: DescribeDeliveryChannels returns one.',
      },
      // guard slice: account-wide IAM password policy (live: the account-wide resource).
      passwordPolicyPresent: {
        type: 'boolean',
        description: 'A custom IAM account password policy is set. Terraform: an aws_iam_account_password_policy; live: GetAccountPasswordPolicy answers (NoSuchEntity: false).',
      },
      passwordMinLength: {
        type: 'number',
        description: 'Minimum IAM user password length. Terraform: `minimum_password_length` (provider default 6); live: MinimumPasswordLength (no custom policy: 8, the AWS default policy).',
      },
      passwordReusePrevention: {
        type: 'number',
        description: 'Previous passwords IAM users may not reuse. Terraform: `password_reuse_prevention`; live: PasswordReusePrevention; default 0 (reuse allowed).',
      },
      passwordMaxAgeDays: {
        type: 'number',
        description: 'Days before an IAM user password expires; 0 = never. Terraform: `max_password_age`; live: MaxPasswordAge; default 0.',
      },
      // guard slice (issue 14, wave 3): IAM Access Analyzer, per region.
      accessAnalyzerEnabled: {
        type: 'boolean',
        description: 'An IAM Access Analyzer (account or organization zone of trust) is active in the region. Terraform: an aws_accessanalyzer_analyzer; live: ListAnalyzers has one with status ACTIVE (none: false).',
      },
      macieEnabled: {
        type: 'boolean',
        description: 'Amazon Macie is enabled in the region. Terraform: aws_macie2_account `status` ENABLED (its default; PAUSED: false); live: GetMacieSession status ENABLED ("Macie is not enabled": false).',
      },
      macieAdministrator: {
        type: 'string',
        description:
          'The Macie administrator account of this (member) account in the region, whose classification jobs cover its buckets and are not listed in it (live: GetAdministratorAccount; none: unset). Terraform: not modelled.',
      },
      // backup opt-in slice
      backupRegionSettings: {
        type: 'object[]',
        description:
          "AWS Backup's resource-type opt-in, one entry per region: { region, optIn: { S3: true, Aurora: false, ... } } (the keys AWS Backup uses: Aurora, DocumentDB, DynamoDB, EBS, EC2, EFS, FSx, Neptune, RDS, Redshift, S3, Timestream, ...). A selection by tag or by service-wide wildcard protects only the opted-in types, and Aurora, DocumentDB and Neptune need it even when named by ARN. Terraform: one entry per aws_backup_region_settings (`resource_type_opt_in_preference`; region: its provider's, unknown when not literal; types it does not list keep a state the configuration does not say), [] when there is none; live: DescribeRegionSettings ResourceTypeOptInPreference of the region's account resource.",
        fields: { region: 'region name, or unknown', optIn: 'resource type -> true, false (or unknown after apply)' },
      },
      /** Whether the whole account was read (live) or only what a configuration declares (hcl, plan). */
      complete: { type: 'boolean', description: 'True when every resource of the account was read (live); false for a configuration, which may cover only part of the account' },
      regions: {
        type: 'string[]',
        description: 'Regions holding resources of the scan: Terraform: the AWS provider regions of managed regional resources (global services such as IAM excluded); live: the regions scanned that hold resources.',
      },
      regionsNotAudited: {
        type: 'string[]',
        description:
          'Live only: the regions enabled in the account (ec2:DescribeRegions) that the audit did not read (--regions), where resources were never seen; unknown for a snapshot that did not record the enabled regions, an error where DescribeRegions failed. Absent for Terraform.',
      },
      providerRegions: {
        type: 'object[]',
        description:
          'One entry per region in use, with where it is used. Terraform: the provider regions of regional resources, and the regions of replicas written inside a resource (a DynamoDB table\'s or a secret\'s `replica` blocks); a region unknown (a provider region from an unset variable or the environment, a replica region known only after apply) stays an unknown marker.',
        fields: { region: 'region name, or unknown', resources: 'number of resources (and in-resource replicas) in that region', example: 'address (or ARN) of one of them; `(replica)` after it for a replica' },
      },
      // org slice (issue 14, wave 4)
      organizationTargets: {
        type: 'string[]',
        description:
          "Live only: the ids a service control policy can be attached to for this account: the account itself, its parent OUs and the organization's root (organizations:ListParents walked up to the root); [] when the account is in no organization (AWSOrganizationsNotInUseException); an error when the walk failed (a member account without Organizations read access).",
      },
    },
    links: {
      trails: { kinds: ['aws.cloudtrail.trail'], description: 'Every CloudTrail trail in the scan' },
      ebsDefaultKmsKey: { kinds: ['aws.kms.key'], description: 'KMS key EBS uses for encryption by default (aws_ebs_default_kms_key)' },
    },
  },
]);
