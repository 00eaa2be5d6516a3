# Scheduled live audit inside the account: EventBridge Scheduler starts an ECS Fargate task that runs
# `ferpa-ready audit` as the read-only auditor role, keeps every run (results, input hashes, chain) in
# an S3 run store with Object Lock, and an EventBridge rule sends the task's verdict to an encrypted
# SNS topic when the run has failing findings at or above var.fail_on (exit code 1) or could not run
# (exit code 2). See README.md for what "alert" means and its limits.

locals {
  prefix    = "${var.name}-ferpa-ready-audit"
  root_arn  = "arn:aws:iam::${var.account_id}:root"
  bucket    = "${var.name}-ferpa-ready-evidence-${var.account_id}"
  store_url = "s3://${local.bucket}/runs"
  family    = "${var.name}-ferpa-ready-audit"
  container = "ferpa-ready"
  log_group = "/ecs/${local.family}"
  key_alias = "alias/${local.prefix}"

  # ARNs spelled out (not read from the resources) so every policy document is known at plan time
  # and the policies that read them can decide before apply.
  log_group_arn = "arn:aws:logs:${var.region}:${var.account_id}:log-group:${local.log_group}"
  cluster_arn   = "arn:aws:ecs:${var.region}:${var.account_id}:cluster/${local.prefix}"
  task_role     = "${local.prefix}-task"
  exec_role     = "${local.prefix}-execution"

  # The read-only calls of the live collector: by default the policy shipped with ferpa-ready
  # (checks/sources/live/iam-policy.json), copied beside this module so the module is self-contained;
  # test/ci/scheduled-audit.test.ts keeps the copy's actions equal to the shipped policy's.
  audit_policy = var.audit_policy_json != null ? var.audit_policy_json : file("${path.module}/ferpa-ready-audit-policy.json")

  task_command = [
    "audit",
    "--regions", join(",", var.audit_regions),
    "--snapshot-out", "s3://${local.bucket}/snapshots/{time}.json",
    "--store", local.store_url,
    # Exit 1 (and so the SNS alert) only for findings that are new since the previous stored run.
    "--baseline", "store",
    "--format", "json=/tmp/ferpa-ready/results.json",
    "--format", "text",
    "--fail-on", var.fail_on,
    "--quiet",
  ]

  tags = merge(var.tags, { Component = "ferpa-ready-scheduled-audit" })
}

# ---------------------------------------------------------------- KMS: one key for the audit's data

resource "aws_kms_key" "audit" {
  description             = "${local.prefix}: evidence bucket, task logs and alert topic"
  enable_key_rotation     = true
  rotation_period_in_days = 365
  deletion_window_in_days = 30

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministration"
        Effect    = "Allow"
        Principal = { AWS = local.root_arn }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "CloudWatchLogs"
        Effect    = "Allow"
        Principal = { Service = "logs.${var.region}.amazonaws.com" }
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource  = "*"
        Condition = {
          ArnLike = { "kms:EncryptionContext:aws:logs:arn" = [local.log_group_arn, local.fanout_log_arn] }
        }
      },
      {
        Sid       = "EventBridgeToEncryptedTopic"
        Effect    = "Allow"
        Principal = { Service = "events.amazonaws.com" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]
        Resource  = "*"
        Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
      },
    ]
  })

  tags = merge(local.tags, { Name = local.prefix, DataClassification = "audit-log" })
}

resource "aws_kms_alias" "audit" {
  name          = local.key_alias
  target_key_id = aws_kms_key.audit.key_id
}

# ---------------------------------------------------------------- S3 evidence bucket (run store)

resource "aws_s3_bucket" "evidence" {
  bucket              = local.bucket
  object_lock_enabled = true
  force_destroy       = false

  tags = merge(local.tags, { Name = local.bucket, DataClassification = "audit-log" })
}

resource "aws_s3_bucket_ownership_controls" "evidence" {
  bucket = aws_s3_bucket.evidence.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "evidence" {
  bucket = aws_s3_bucket.evidence.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_object_lock_configuration" "evidence" {
  bucket = aws_s3_bucket.evidence.id

  rule {
    default_retention {
      mode = var.object_lock_mode
      days = var.evidence_retention_days
    }
  }

  depends_on = [aws_s3_bucket_versioning.evidence]
}

resource "aws_s3_bucket_server_side_encryption_configuration" "evidence" {
  bucket = aws_s3_bucket.evidence.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.audit.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "evidence" {
  bucket                  = aws_s3_bucket.evidence.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_logging" "evidence" {
  bucket        = aws_s3_bucket.evidence.id
  target_bucket = var.access_log_bucket
  target_prefix = "s3/${local.bucket}/"
}

resource "aws_s3_bucket_lifecycle_configuration" "evidence" {
  bucket = aws_s3_bucket.evidence.id

  rule {
    id     = "expire-after-retention"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.evidence_retention_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
}

resource "aws_s3_bucket_policy" "evidence" {
  bucket = aws_s3_bucket.evidence.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = { AWS = "*" }
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::${local.bucket}", "arn:aws:s3:::${local.bucket}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.evidence]
}

# ---------------------------------------------------------------- CloudWatch logs of the task

resource "aws_cloudwatch_log_group" "audit" {
  name              = local.log_group
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.audit.arn

  tags = merge(local.tags, { DataClassification = "security-log" })
}

# ---------------------------------------------------------------- IAM

# The task role: the auditor's read-only policy, plus writing its own runs to the evidence bucket.
resource "aws_iam_role" "task" {
  name                 = local.task_role
  description          = "ferpa-ready scheduled audit: read-only auditor"
  max_session_duration = 3600

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = var.account_id }
        ArnLike      = { "aws:SourceArn" = "arn:aws:ecs:${var.region}:${var.account_id}:*" }
      }
    }]
  })

  tags = local.tags
}

resource "aws_iam_policy" "audit_read_only" {
  name        = "${local.prefix}-read-only"
  description = "The read calls of the ferpa-ready live collector"
  policy      = local.audit_policy

  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "task_read_only" {
  role       = aws_iam_role.task.name
  policy_arn = aws_iam_policy.audit_read_only.arn
}

resource "aws_iam_role_policy" "task_store" {
  name = "run-store"
  role = aws_iam_role.task.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ListRuns"
        Effect   = "Allow"
        Action   = "s3:ListBucket"
        Resource = "arn:aws:s3:::${local.bucket}"
        Condition = { StringLike = { "s3:prefix" = ["runs", "runs/*"] } }
      },
      {
        Sid      = "ReadWriteRuns"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject"]
        Resource = "arn:aws:s3:::${local.bucket}/runs/*"
      },
      {
        Sid      = "WriteSnapshots"
        Effect   = "Allow"
        Action   = ["s3:PutObject"]
        Resource = "arn:aws:s3:::${local.bucket}/snapshots/*"
      },
      {
        Sid       = "EvidenceKey"
        Effect    = "Allow"
        Action    = ["kms:GenerateDataKey", "kms:Decrypt"]
        Resource  = "arn:aws:kms:${var.region}:${var.account_id}:key/*"
        Condition = { "ForAnyValue:StringEquals" = { "kms:ResourceAliases" = local.key_alias } }
      },
    ]
  })
}

# The execution role: pulls the image and writes the task's logs, nothing else.
resource "aws_iam_role" "execution" {
  name = local.exec_role

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
    }]
  })

  tags = local.tags
}

resource "aws_iam_role_policy" "execution" {
  name = "pull-and-log"
  role = aws_iam_role.execution.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "EcrAuth"
        Effect   = "Allow"
        Action   = "ecr:GetAuthorizationToken"
        Resource = "*"
      },
      {
        Sid      = "EcrPull"
        Effect   = "Allow"
        Action   = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"]
        Resource = "arn:aws:ecr:${var.region}:${var.account_id}:repository/*"
      },
      {
        Sid      = "Logs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${local.log_group_arn}:*"
      },
    ]
  })
}

# The scheduler's role: run this task definition and pass the two roles to ECS.
resource "aws_iam_role" "scheduler" {
  name = "${local.prefix}-scheduler"

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

resource "aws_iam_role_policy" "scheduler" {
  name = "run-audit-task"
  role = aws_iam_role.scheduler.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "RunTask"
        Effect   = "Allow"
        Action   = "ecs:RunTask"
        Resource = "arn:aws:ecs:${var.region}:${var.account_id}:task-definition/${local.family}:*"
        Condition = { ArnEquals = { "ecs:cluster" = local.cluster_arn } }
      },
      {
        Sid      = "PassTaskRoles"
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = ["arn:aws:iam::${var.account_id}:role/${local.task_role}", "arn:aws:iam::${var.account_id}:role/${local.exec_role}"]
        Condition = { StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" } }
      },
    ]
  })
}

# ---------------------------------------------------------------- ECS Fargate task

resource "aws_ecs_cluster" "audit" {
  name = local.prefix

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  tags = local.tags
}

resource "aws_security_group" "task" {
  name        = "${local.prefix}-task"
  description = "ferpa-ready audit task: HTTPS out to the AWS APIs, nothing in"
  vpc_id      = var.vpc_id

  tags = merge(local.tags, { Name = "${local.prefix}-task" })
}

resource "aws_vpc_security_group_egress_rule" "task_https" {
  security_group_id = aws_security_group.task.id
  description       = "AWS API endpoints (HTTPS)"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_ecs_task_definition" "audit" {
  family                   = local.family
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  task_role_arn            = aws_iam_role.task.arn
  execution_role_arn       = aws_iam_role.execution.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  # The root filesystem is read-only; the CLI writes its snapshot and tsx its cache under /tmp.
  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([{
    name                   = local.container
    image                  = var.image
    essential              = true
    command                = local.task_command
    user                   = "1000:1000"
    readonlyRootFilesystem = true
    privileged             = false
    environment = [
      { name = "AWS_REGION", value = var.region },
      { name = "NO_COLOR", value = "1" },
    ]
    mountPoints = [{ sourceVolume = "tmp", containerPath = "/tmp", readOnly = false }]
    linuxParameters = {
      initProcessEnabled = true
      capabilities       = { drop = ["ALL"] }
    }
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = local.log_group
        "awslogs-region"        = var.region
        "awslogs-stream-prefix" = "audit"
      }
    }
  }])

  # The stored definition holds configuration only (the store location, the regions to audit).
  tags = merge(local.tags, { DataClassification = "operational" })

  depends_on = [aws_cloudwatch_log_group.audit]
}

# ---------------------------------------------------------------- EventBridge Scheduler

resource "aws_scheduler_schedule" "audit" {
  name                         = local.prefix
  description                  = "ferpa-ready live audit"
  schedule_expression          = var.schedule_expression
  schedule_expression_timezone = var.schedule_timezone
  kms_key_arn                  = aws_kms_key.audit.arn
  # With var.fanout the fan-out schedule (fanout.tf) audits every account, this one included.
  state = var.fanout == null ? "ENABLED" : "DISABLED"

  flexible_time_window {
    mode                      = "FLEXIBLE"
    maximum_window_in_minutes = 15
  }

  target {
    arn      = aws_ecs_cluster.audit.arn
    role_arn = aws_iam_role.scheduler.arn

    ecs_parameters {
      task_definition_arn = aws_ecs_task_definition.audit.arn
      launch_type         = "FARGATE"
      task_count          = 1

      network_configuration {
        subnets          = var.subnet_ids
        security_groups  = [aws_security_group.task.id]
        assign_public_ip = false
      }
    }

    retry_policy {
      maximum_retry_attempts       = 2
      maximum_event_age_in_seconds = 3600
    }
  }
}

# ---------------------------------------------------------------- Alerts (SNS, KMS-encrypted)

resource "aws_sns_topic" "alerts" {
  name              = "${local.prefix}-alerts"
  kms_master_key_id = aws_kms_key.audit.arn

  # Audit verdicts: which checks failed on which resources, no student records.
  tags = merge(local.tags, { DataClassification = "security-log" })
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "EventBridgePublishes"
        Effect    = "Allow"
        Principal = { Service = "events.amazonaws.com" }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.alerts.arn
        Condition = { ArnEquals = { "aws:SourceArn" = aws_cloudwatch_event_rule.audit_verdict.arn } }
      },
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = { AWS = "*" }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.alerts.arn
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}

resource "aws_sns_topic_subscription" "email" {
  for_each = toset(var.alert_emails)

  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = each.value
}

# The task exits 1 when the run has failing findings at or above var.fail_on, 2 when it could not
# run; either stops the task with that exit code, which this rule turns into an alert.
resource "aws_cloudwatch_event_rule" "audit_verdict" {
  name        = "${local.prefix}-verdict"
  description = "ferpa-ready audit found failing findings at or above ${var.fail_on}, or could not run"

  event_pattern = jsonencode({
    source        = ["aws.ecs"]
    "detail-type" = ["ECS Task State Change"]
    detail = {
      clusterArn = [local.cluster_arn]
      lastStatus = ["STOPPED"]
      group      = ["family:${local.family}"]
      containers = {
        name     = [local.container]
        exitCode = [1, 2]
      }
    }
  })

  tags = local.tags
}

resource "aws_cloudwatch_event_target" "alerts" {
  rule      = aws_cloudwatch_event_rule.audit_verdict.name
  target_id = "sns"
  arn       = aws_sns_topic.alerts.arn

  input_transformer {
    input_paths = {
      task    = "$.detail.taskArn"
      stopped = "$.detail.stoppedAt"
      exit    = "$.detail.containers[0].exitCode"
    }
    input_template = "\"ferpa-ready audit ${local.prefix}: task <task> stopped at <stopped> with exit code <exit> (1 = failing findings at or above ${var.fail_on}, 2 = the audit could not run). Results: ${local.store_url} (ferpa-ready history --store ${local.store_url}).\""
  }
}
