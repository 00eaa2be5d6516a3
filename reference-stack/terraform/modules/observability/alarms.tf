# Security alerting (guard slice): a metric filter on the CloudTrail log group for each CIS AWS Foundations
# 4.x event that signals a breach or an attempt to hide one, an alarm on each filter's metric, and an
# EventBridge rule for GuardDuty and Security Hub findings, all notifying the security alert topic, whose
# subscribers start the incident response (FERPA-MON-01, FERPA-IR-01).

locals {
  alarm_namespace = "${var.name}/cis"

  cis_events = {
    unauthorized-api-calls = {
      metric  = "UnauthorizedApiCalls"
      pattern = "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }"
    }
    console-sign-in-without-mfa = {
      metric  = "ConsoleSignInWithoutMfa"
      pattern = "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }"
    }
    root-use = {
      metric  = "RootUse"
      pattern = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }"
    }
    iam-policy-changes = {
      metric  = "IamPolicyChanges"
      pattern = "{ ($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) || ($.eventName = DeleteUserPolicy) || ($.eventName = PutGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = CreatePolicy) || ($.eventName = DeletePolicy) || ($.eventName = CreatePolicyVersion) || ($.eventName = DeletePolicyVersion) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy) || ($.eventName = AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName = AttachGroupPolicy) || ($.eventName = DetachGroupPolicy) }"
    }
    cloudtrail-changes = {
      metric  = "CloudTrailChanges"
      pattern = "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }"
    }
    kms-key-disable-or-deletion = {
      metric  = "KmsKeyDisableOrDeletion"
      pattern = "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }"
    }
    security-group-changes = {
      metric  = "SecurityGroupChanges"
      pattern = "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }"
    }
  }
}

resource "aws_sns_topic" "security_alerts" {
  name              = "${var.name}-security-alerts"
  kms_master_key_id = var.logs_kms_key_arn

  tags = merge(var.tags, { DataClassification = "security-log" })
}

resource "aws_sns_topic_policy" "security_alerts" {
  arn = aws_sns_topic.security_alerts.arn

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "CloudWatchAlarmsPublish"
        Effect    = "Allow"
        Principal = { Service = "cloudwatch.amazonaws.com" }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.security_alerts.arn
        Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
      },
      {
        Sid       = "EventBridgePublishes"
        Effect    = "Allow"
        Principal = { Service = "events.amazonaws.com" }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.security_alerts.arn
        Condition = { ArnEquals = { "aws:SourceArn" = aws_cloudwatch_event_rule.security_findings.arn } }
      },
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = { AWS = "*" }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.security_alerts.arn
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}

resource "aws_sns_topic_subscription" "security_alerts" {
  for_each = toset(var.security_alert_emails)

  topic_arn = aws_sns_topic.security_alerts.arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_cloudwatch_log_metric_filter" "cis" {
  for_each = local.cis_events

  name           = "${var.name}-${each.key}"
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = each.value.pattern

  metric_transformation {
    name      = each.value.metric
    namespace = local.alarm_namespace
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis" {
  for_each = local.cis_events

  alarm_name          = "${var.name}-${each.key}"
  alarm_description   = "CIS AWS Foundations: ${each.key} seen in CloudTrail"
  metric_name         = each.value.metric
  namespace           = local.alarm_namespace
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.security_alerts.arn]

  tags = var.tags
}

resource "aws_cloudwatch_event_rule" "security_findings" {
  name        = "${var.name}-security-findings"
  description = "GuardDuty and Security Hub findings to the security alert topic"

  event_pattern = jsonencode({
    source        = ["aws.guardduty", "aws.securityhub"]
    "detail-type" = ["GuardDuty Finding", "Security Hub Findings - Imported"]
  })

  tags = var.tags
}

resource "aws_cloudwatch_event_target" "security_findings" {
  rule      = aws_cloudwatch_event_rule.security_findings.name
  target_id = "security-alerts"
  arn       = aws_sns_topic.security_alerts.arn
}
