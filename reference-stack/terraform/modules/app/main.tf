# The API on ECS Fargate in the private subnets. Credentials reach the container only through
# `secrets` (Secrets Manager by name); connection endpoints come from SSM parameters; the plain
# environment holds no credential. PostgreSQL and Redis are reached with IAM authentication, so the
# task holds no database password at all. Logs go to the KMS-encrypted application log group.

locals {
  region_account = "${var.region}:${var.account_id}"

  parameters = {
    db-host    = var.db_host
    redis-host = var.redis_host
  }
  parameter_names = { for k in keys(local.parameters) : k => "/${var.name}/config/${k}" }

  container = {
    name      = "api"
    image     = var.image
    essential = true

    portMappings = [{ containerPort = var.app_port, protocol = "tcp" }]

    readonlyRootFilesystem = true
    user                   = "10001"

    environment = [
      { name = "APP_ENV", value = var.environment },
      { name = "PORT", value = tostring(var.app_port) },
      { name = "DB_NAME", value = var.db_name },
      { name = "DB_USER", value = var.db_user },
      { name = "DB_AUTH", value = "iam" },
      { name = "DB_SSLMODE", value = "verify-full" },
      { name = "REDIS_USER", value = var.redis_user },
      { name = "REDIS_TLS", value = "true" },
      { name = "EXPORT_BUCKET", value = var.export_bucket },
      { name = "AUDIT_LOG_GROUP", value = var.audit_log_group },
    ]

    secrets = concat(
      [for k, n in var.secret_names : { name = upper(replace(k, "-", "_")), valueFrom = n }],
      [for k, n in local.parameter_names : { name = upper(replace(k, "-", "_")), valueFrom = n }],
    )

    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = var.app_log_group
        awslogs-region        = var.region
        awslogs-stream-prefix = "api"
      }
    }
  }
}

resource "aws_ssm_parameter" "config" {
  for_each = local.parameters

  name  = local.parameter_names[each.key]
  type  = "String"
  value = each.value

  # Endpoint hostnames only: no student data, no credentials (those come from Secrets Manager).
  tags = merge(var.tags, { DataClassification = "operational" })
}

resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  tags = var.tags
}

resource "aws_iam_role" "execution" {
  name = "${var.name}-task-execution"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy" "execution" {
  name = "pull-log-and-read-secrets"
  role = aws_iam_role.execution.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "EcrAuth"
        Effect   = "Allow"
        Action   = ["ecr:GetAuthorizationToken"]
        Resource = "*"
      },
      {
        Sid      = "EcrPull"
        Effect   = "Allow"
        Action   = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
        Resource = "arn:aws:ecr:${local.region_account}:repository/${var.name}-*"
      },
      {
        Sid      = "Logs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "arn:aws:logs:${local.region_account}:log-group:${var.app_log_group}:*"
      },
      {
        Sid      = "Secrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = [for n in values(var.secret_names) : "arn:aws:secretsmanager:${local.region_account}:secret:${n}-*"]
      },
      {
        Sid      = "Parameters"
        Effect   = "Allow"
        Action   = ["ssm:GetParameters"]
        Resource = [for n in values(local.parameter_names) : "arn:aws:ssm:${local.region_account}:parameter${n}"]
      },
      {
        Sid      = "DecryptSecretsViaSecretsManager"
        Effect   = "Allow"
        Action   = ["kms:Decrypt"]
        Resource = "arn:aws:kms:${local.region_account}:key/*"
        Condition = {
          StringEquals = { "kms:ViaService" = "secretsmanager.${var.region}.amazonaws.com" }
        }
      },
    ]
  })
}

resource "aws_iam_role" "task" {
  name = "${var.name}-task"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy" "task" {
  name = "application"
  role = aws_iam_role.task.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "DatabaseIamAuth"
        Effect   = "Allow"
        Action   = ["rds-db:connect"]
        Resource = "arn:aws:rds-db:${local.region_account}:dbuser:*/${var.db_user}"
      },
      {
        Sid      = "RedisIamAuth"
        Effect   = "Allow"
        Action   = ["elasticache:Connect"]
        Resource = ["arn:aws:elasticache:${local.region_account}:replicationgroup:${var.redis_replication_group_id}", "arn:aws:elasticache:${local.region_account}:user:${var.redis_user}"]
      },
      {
        Sid      = "Exports"
        Effect   = "Allow"
        Action   = ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"]
        Resource = "arn:aws:s3:::${var.export_bucket}/*"
      },
      {
        Sid      = "ExportsKeyViaS3"
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = "arn:aws:kms:${local.region_account}:key/*"
        Condition = {
          StringEquals = { "kms:ViaService" = "s3.${var.region}.amazonaws.com" }
        }
      },
      {
        Sid      = "AuditLog"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "arn:aws:logs:${local.region_account}:log-group:${var.audit_log_group}:*"
      },
    ]
  })
}

resource "aws_ecs_task_definition" "api" {
  family                   = "${var.name}-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  container_definitions = jsonencode([local.container])

  # The stored definition holds configuration only; credentials are Secrets Manager references.
  tags = merge(var.tags, { DataClassification = "operational" })
}

resource "aws_ecs_service" "api" {
  name                   = "api"
  cluster                = aws_ecs_cluster.this.id
  task_definition        = aws_ecs_task_definition.api.arn
  desired_count          = var.desired_count
  launch_type            = "FARGATE"
  enable_execute_command = false
  propagate_tags         = "SERVICE"

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.security_group_id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "api"
    container_port   = var.app_port
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  tags = var.tags
}
