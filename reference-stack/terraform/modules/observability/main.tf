# Audit and application logging. One multi-region CloudTrail (global service events, log file
# validation, KMS, S3 data events on the student-data buckets) delivered to the audit bucket and to
# a CloudWatch log group; log groups encrypted with the logs key: security and audit evidence kept
# at least a year, application logs (which may carry personal data) kept at most 90 days.

locals {
  trail_name = "${var.name}-audit"
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "/${var.name}/cloudtrail"
  retention_in_days = var.security_log_days
  kms_key_id        = var.logs_kms_key_arn

  tags = merge(var.tags, { DataClassification = "security-log" })
}

resource "aws_cloudwatch_log_group" "audit" {
  name              = "/${var.name}/app/audit"
  retention_in_days = var.security_log_days
  kms_key_id        = var.logs_kms_key_arn

  tags = merge(var.tags, { DataClassification = "audit-log" })
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/${var.name}/app/service"
  retention_in_days = var.app_log_days
  kms_key_id        = var.logs_kms_key_arn

  tags = merge(var.tags, { DataClassification = "pii" })
}

resource "aws_iam_role" "trail_logs" {
  name = "${var.name}-cloudtrail-logs"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudtrail.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy" "trail_logs" {
  name = "deliver-to-cloudwatch"
  role = aws_iam_role.trail_logs.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = ["arn:aws:logs:${var.region}:${var.account_id}:log-group:${aws_cloudwatch_log_group.trail.name}:*"]
    }]
  })
}

resource "aws_cloudtrail" "this" {
  name                          = local.trail_name
  s3_bucket_name                = var.audit_bucket_name
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  enable_logging                = true
  kms_key_id                    = var.logs_kms_key_arn

  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail_logs.arn

  event_selector {
    read_write_type           = "All"
    include_management_events = true

    data_resource {
      type   = "AWS::S3::Object"
      values = [for arn in var.student_data_bucket_arns : "${arn}/"]
    }

    # Item-level reads and writes of the DynamoDB tables that hold student data.
    dynamic "data_resource" {
      for_each = length(var.student_data_table_arns) > 0 ? [var.student_data_table_arns] : []
      content {
        type   = "AWS::DynamoDB::Table"
        values = data_resource.value
      }
    }
  }

  tags = merge(var.tags, { DataClassification = "audit-log" })
}
