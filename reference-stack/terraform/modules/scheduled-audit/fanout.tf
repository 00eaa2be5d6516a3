# Fan-out audit of many accounts (var.fanout): EventBridge Scheduler starts a Step Functions state
# machine (fanout.asl.json) whose distributed map runs the audit task once per account and region, each
# assuming the member account's read-only auditor role, and whose last step merges every shard into one
# results document, one readiness report and one run-store entry. The task definition, cluster, roles,
# bucket and alert are this module's; a shard's task exiting 2 or the merge exiting 1 or 2 alerts as
# the single-account task does. See README.md ("Fan-out") and docs/fanout.md.

locals {
  fanout_count   = var.fanout == null ? 0 : 1
  fanout_name    = "${local.prefix}-fanout"
  fanout_arn     = "arn:aws:states:${var.region}:${var.account_id}:stateMachine:${local.fanout_name}"
  fanout_log     = "/aws/vendedlogs/states/${local.fanout_name}"
  fanout_log_arn = "arn:aws:logs:${var.region}:${var.account_id}:log-group:${local.fanout_log}"
  member_role    = var.fanout == null ? "FerpaReadyAuditor" : var.fanout.member_role_name

  # The execution input: everything fanout.asl.json reads under $.config (the definition itself is static JSON).
  # accounts null: every ACTIVE account of the organisation. The task definition is named by family (its
  # latest revision), so the input is known before apply but for the task's security group.
  fanout_input = var.fanout == null ? null : {
    bucket         = local.bucket
    storeUrl       = local.store_url
    cluster        = local.cluster_arn
    taskDefinition = local.family
    container      = local.container
    subnets        = var.subnet_ids
    securityGroups = [aws_security_group.task.id]
    regions        = join(",", var.fanout.regions)
    accounts       = length(var.fanout.accounts) > 0 ? join(",", var.fanout.accounts) : null
    memberRoleName = var.fanout.member_role_name
    maxConcurrency = var.fanout.max_concurrency
    failOn         = var.fail_on
    mergeCpu       = var.fanout.merge_cpu
    mergeMemory    = var.fanout.merge_memory
  }
}

resource "aws_cloudwatch_log_group" "fanout" {
  count = local.fanout_count

  name              = local.fanout_log
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.audit.arn

  tags = merge(local.tags, { DataClassification = "security-log" })
}

resource "aws_sfn_state_machine" "fanout" {
  count = local.fanout_count

  name       = local.fanout_name
  role_arn   = aws_iam_role.fanout[0].arn
  definition = file("${path.module}/fanout.asl.json")
  type       = "STANDARD"

  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.fanout[0].arn}:*"
    include_execution_data = false
    level                  = "ERROR"
  }

  encryption_configuration {
    type                              = "CUSTOMER_MANAGED_KMS_KEY"
    kms_key_id                        = aws_kms_key.audit.arn
    kms_data_key_reuse_period_seconds = 300
  }

  tracing_configuration {
    enabled = true
  }

  # The definition and its executions hold configuration and shard names, no student records.
  tags = merge(local.tags, { DataClassification = "operational" })
}

# The state machine's role: run the audit task, follow it, read the manifest and write the map's results.
resource "aws_iam_role" "fanout" {
  count = local.fanout_count

  name = "${local.fanout_name}-states"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "states.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = var.account_id }
        ArnLike      = { "aws:SourceArn" = "arn:aws:states:${var.region}:${var.account_id}:stateMachine:${local.fanout_name}" }
      }
    }]
  })

  tags = local.tags
}

resource "aws_iam_role_policy" "fanout" {
  count = local.fanout_count

  name = "run-fanout"
  role = aws_iam_role.fanout[0].id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "RunAuditTask"
        Effect   = "Allow"
        Action   = "ecs:RunTask"
        Resource = "arn:aws:ecs:${var.region}:${var.account_id}:task-definition/${local.family}:*"
        Condition = { ArnEquals = { "ecs:cluster" = local.cluster_arn } }
      },
      {
        Sid      = "FollowAuditTask"
        Effect   = "Allow"
        Action   = ["ecs:StopTask", "ecs:DescribeTasks"]
        Resource = "arn:aws:ecs:${var.region}:${var.account_id}:task/${local.prefix}/*"
      },
      {
        Sid      = "PassTaskRoles"
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = ["arn:aws:iam::${var.account_id}:role/${local.task_role}", "arn:aws:iam::${var.account_id}:role/${local.exec_role}"]
        Condition = { StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" } }
      },
      {
        Sid      = "SyncTaskEvents"
        Effect   = "Allow"
        Action   = ["events:PutTargets", "events:PutRule", "events:DescribeRule"]
        Resource = "arn:aws:events:${var.region}:${var.account_id}:rule/StepFunctionsGetEventsForECSTaskRule"
      },
      {
        Sid      = "DistributedMap"
        Effect   = "Allow"
        Action   = ["states:StartExecution"]
        Resource = local.fanout_arn
      },
      {
        Sid      = "DistributedMapRuns"
        Effect   = "Allow"
        Action   = ["states:DescribeExecution", "states:StopExecution"]
        Resource = "arn:aws:states:${var.region}:${var.account_id}:execution:${local.fanout_name}/*"
      },
      {
        Sid      = "ManifestAndMapResults"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]
        Resource = "arn:aws:s3:::${local.bucket}/fanout/*"
      },
      {
        Sid       = "EvidenceKey"
        Effect    = "Allow"
        Action    = ["kms:GenerateDataKey", "kms:Decrypt"]
        Resource  = "arn:aws:kms:${var.region}:${var.account_id}:key/*"
        Condition = { "ForAnyValue:StringEquals" = { "kms:ResourceAliases" = local.key_alias } }
      },
      {
        Sid      = "TraceToXRay"
        Effect   = "Allow"
        Action   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"]
        Resource = "*"
      },
      {
        # Log delivery for a state machine is configured through these account-level calls (no resource ARNs).
        Sid      = "LogDelivery"
        Effect   = "Allow"
        Action   = ["logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"]
        Resource = "*"
      },
    ]
  })
}

# What the audit task needs beyond the single-account run: the run prefix, the member roles, the organisation's account list.
resource "aws_iam_role_policy" "task_fanout" {
  count = local.fanout_count

  name = "fanout"
  role = aws_iam_role.task.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "ListRunPrefix"
        Effect    = "Allow"
        Action    = "s3:ListBucket"
        Resource  = "arn:aws:s3:::${local.bucket}"
        Condition = { StringLike = { "s3:prefix" = ["fanout/*"] } }
      },
      {
        Sid      = "ReadWriteRunPrefix"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject"]
        Resource = "arn:aws:s3:::${local.bucket}/fanout/*"
      },
      {
        Sid      = "AssumeMemberAuditor"
        Effect   = "Allow"
        Action   = "sts:AssumeRole"
        Resource = "arn:aws:iam::*:role/${local.member_role}"
      },
      {
        Sid      = "ListOrganisationAccounts"
        Effect   = "Allow"
        Action   = "organizations:ListAccounts"
        Resource = "*"
      },
    ]
  })
}

# The scheduler's role for the fan-out: start this state machine, nothing else.
resource "aws_iam_role" "scheduler_fanout" {
  count = local.fanout_count

  name = "${local.fanout_name}-scheduler"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "scheduler.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
    }]
  })

  tags = local.tags
}

resource "aws_iam_role_policy" "scheduler_fanout" {
  count = local.fanout_count

  name = "start-fanout"
  role = aws_iam_role.scheduler_fanout[0].id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "StartFanout"
        Effect   = "Allow"
        Action   = "states:StartExecution"
        Resource = local.fanout_arn
      },
      {
        # The state machine's data is encrypted with the audit key: starting it encrypts the input.
        Sid       = "EncryptExecutionInput"
        Effect    = "Allow"
        Action    = ["kms:GenerateDataKey", "kms:Decrypt"]
        Resource  = "arn:aws:kms:${var.region}:${var.account_id}:key/*"
        Condition = { "ForAnyValue:StringEquals" = { "kms:ResourceAliases" = local.key_alias } }
      },
    ]
  })
}

resource "aws_scheduler_schedule" "fanout" {
  count = local.fanout_count

  name                         = local.fanout_name
  description                  = "ferpa-ready fan-out audit of ${length(var.fanout.accounts) > 0 ? "${length(var.fanout.accounts)} accounts" : "the organisation"}"
  schedule_expression          = var.schedule_expression
  schedule_expression_timezone = var.schedule_timezone
  kms_key_arn                  = aws_kms_key.audit.arn

  flexible_time_window {
    mode                      = "FLEXIBLE"
    maximum_window_in_minutes = 15
  }

  target {
    arn      = aws_sfn_state_machine.fanout[0].arn
    role_arn = aws_iam_role.scheduler_fanout[0].arn
    input    = jsonencode(local.fanout_input)

    retry_policy {
      maximum_retry_attempts       = 2
      maximum_event_age_in_seconds = 3600
    }
  }
}
