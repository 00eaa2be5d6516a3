# ElastiCache Redis for query results: encrypted at rest with the cache key and in transit (TLS
# required), with RBAC instead of a shared AUTH token. The application user authenticates with IAM
# (short-lived tokens, nothing to store); the mandatory "default" user is switched off. No password
# ever passes through Terraform, so none sits in its state.

resource "aws_elasticache_subnet_group" "this" {
  name        = "${var.name}-redis"
  description = "Isolated data subnets"
  subnet_ids  = var.subnet_ids

  tags = var.tags
}

resource "aws_elasticache_user" "default" {
  user_id       = "${var.name}-default-off"
  user_name     = "default"
  engine        = "redis"
  access_string = "off -@all"

  authentication_mode {
    type = "no-password-required"
  }

  tags = var.tags
}

resource "aws_elasticache_user" "app" {
  # IAM authentication requires user_id == user_name.
  user_id       = "${var.name}-app"
  user_name     = "${var.name}-app"
  engine        = "redis"
  access_string = "on ~query:* -@all +@read +@write +@keyspace -@dangerous"

  authentication_mode {
    type = "iam"
  }

  tags = var.tags
}

resource "aws_elasticache_user_group" "this" {
  user_group_id = "${var.name}-redis"
  engine        = "redis"
  user_ids      = [aws_elasticache_user.default.user_id, aws_elasticache_user.app.user_id]

  tags = var.tags
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id = "${var.name}-redis"
  description          = "Query cache"
  engine               = "redis"
  engine_version       = "7.1"
  node_type            = var.node_type
  port                 = 6379
  parameter_group_name = "default.redis7"

  num_cache_clusters         = var.num_cache_clusters
  automatic_failover_enabled = var.num_cache_clusters > 1
  multi_az_enabled           = var.num_cache_clusters > 1

  subnet_group_name  = aws_elasticache_subnet_group.this.name
  security_group_ids = [var.security_group_id]

  at_rest_encryption_enabled = true
  kms_key_id                 = var.kms_key_arn
  transit_encryption_enabled = true
  transit_encryption_mode    = "required"
  user_group_ids             = [aws_elasticache_user_group.this.user_group_id]

  snapshot_retention_limit = var.snapshot_retention_days
  snapshot_window          = "06:00-07:00"
  maintenance_window       = "sun:08:00-sun:09:00"
  apply_immediately        = false

  tags = merge(var.tags, { DataClassification = "student-data" })
}
