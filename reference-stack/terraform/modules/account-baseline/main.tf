# Account baseline (one per account and region in use; `secondary_region` for every region after the first): GuardDuty with S3 and RDS protection, Security Hub
# with the default standards (aggregated across regions into the primary one), AWS Config recording every supported resource type into the audit bucket,
# IAM Access Analyzer, and an IAM password policy (CIS AWS Foundations 1.8, 1.9).

resource "aws_guardduty_detector" "this" {
  enable = true
  tags   = var.tags
}

resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.this.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}

resource "aws_guardduty_detector_feature" "rds" {
  detector_id = aws_guardduty_detector.this.id
  name        = "RDS_LOGIN_EVENTS"
  status      = "ENABLED"
}

resource "aws_securityhub_account" "this" {
  enable_default_standards = true
}

# Cross-Region aggregation into the primary region, where the observability module routes Security Hub
# findings to the on-call topic: GuardDuty and Security Hub findings of every further region (their own
# EventBridge hears only them) reach people through the primary region's rule.
resource "aws_securityhub_finding_aggregator" "this" {
  count = var.secondary_region ? 0 : 1

  linking_mode = "ALL_REGIONS"
  depends_on   = [aws_securityhub_account.this]
}

resource "aws_config_configuration_recorder" "this" {
  name     = "${var.name}-recorder"
  role_arn = "arn:aws:iam::${var.account_id}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"

  recording_group {
    all_supported                 = true
    include_global_resource_types = !var.secondary_region
  }
}

resource "aws_config_delivery_channel" "this" {
  name           = "${var.name}-delivery"
  s3_bucket_name = var.config_bucket_name
  s3_key_prefix  = "config"
  depends_on     = [aws_config_configuration_recorder.this]
}

resource "aws_config_configuration_recorder_status" "this" {
  name       = aws_config_configuration_recorder.this.name
  is_enabled = true
  depends_on = [aws_config_delivery_channel.this]
}

resource "aws_accessanalyzer_analyzer" "this" {
  analyzer_name = "${var.name}-account"
  type          = "ACCOUNT"
  tags          = var.tags
}

resource "aws_iam_account_password_policy" "this" {
  count = var.secondary_region ? 0 : 1

  minimum_password_length        = 14
  password_reuse_prevention      = 24
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
}

# guard slice (issue 14, wave 3): Macie discovers student data in S3 and reports buckets made public or shared.
resource "aws_macie2_account" "this" {
  finding_publishing_frequency = "FIFTEEN_MINUTES"
  status                       = "ENABLED"
}

# A daily sensitive data discovery job over the student-data buckets: student records copied into a bucket
# are found, and so are files that should not be there (issue 14).
resource "aws_macie2_classification_job" "student_data" {
  count = var.secondary_region ? 0 : 1

  name       = "${var.name}-student-data-discovery"
  job_type   = "SCHEDULED"
  job_status = "RUNNING"

  schedule_frequency {
    daily_schedule = true
  }

  s3_job_definition {
    bucket_definitions {
      account_id = var.account_id
      buckets    = var.student_data_bucket_names
    }
  }

  tags       = var.tags
  depends_on = [aws_macie2_account.this]
}
