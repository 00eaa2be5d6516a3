# Aurora PostgreSQL for student records: encrypted with the database key, in the isolated data
# subnets, never public, TLS forced and connections, disconnections and DDL logged (pgaudit loaded)
# through a cluster parameter group that is attached, PostgreSQL logs exported to CloudWatch, IAM
# database authentication, the master password generated and rotated by RDS in Secrets Manager,
# backups kept between the backup floor and the disposition window, deletion protection.

resource "aws_db_subnet_group" "this" {
  name        = "${var.name}-aurora"
  description = "Isolated data subnets"
  subnet_ids  = var.subnet_ids

  tags = var.tags
}

resource "aws_rds_cluster_parameter_group" "this" {
  name        = "${var.name}-aurora-pg16"
  family      = "aurora-postgresql16"
  description = "TLS only; connection, disconnection and statement logging; pgaudit"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name  = "ssl_min_protocol_version"
    value = "TLSv1.2"
  }

  parameter {
    name  = "log_connections"
    value = "1"
  }

  parameter {
    name  = "log_disconnections"
    value = "1"
  }

  parameter {
    name  = "log_statement"
    value = var.log_statement
  }

  parameter {
    name         = "shared_preload_libraries"
    value        = "pg_stat_statements,pgaudit"
    apply_method = "pending-reboot"
  }

  parameter {
    name  = "pgaudit.log"
    value = "ddl,role"
  }

  tags = merge(var.tags, { DataClassification = "student-data" })
}

resource "aws_rds_cluster" "this" {
  cluster_identifier = "${var.name}-aurora"
  engine             = "aurora-postgresql"
  engine_mode        = "provisioned"
  engine_version     = var.engine_version
  database_name      = var.database_name
  master_username    = var.master_username

  # RDS generates the master password, keeps it in Secrets Manager under our key and rotates it.
  manage_master_user_password   = true
  master_user_secret_kms_key_id = var.secrets_kms_key_arn

  storage_encrypted = true
  kms_key_id        = var.kms_key_arn

  db_subnet_group_name            = aws_db_subnet_group.this.name
  vpc_security_group_ids          = [var.security_group_id]
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.this.name
  port                            = 5432

  iam_database_authentication_enabled = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]

  backup_retention_period      = var.backup_retention_days
  preferred_backup_window      = "07:00-08:00"
  copy_tags_to_snapshot        = true
  deletion_protection          = true
  skip_final_snapshot          = false
  final_snapshot_identifier    = "${var.name}-aurora-final"
  apply_immediately            = false
  preferred_maintenance_window = "sun:08:30-sun:09:30"

  tags = merge(var.tags, { DataClassification = "student-data" })
}

resource "aws_rds_cluster_instance" "this" {
  count = var.instance_count

  identifier                   = "${var.name}-aurora-${count.index + 1}"
  cluster_identifier           = aws_rds_cluster.this.id
  engine                       = aws_rds_cluster.this.engine
  engine_version               = aws_rds_cluster.this.engine_version
  instance_class               = var.instance_class
  db_subnet_group_name         = aws_db_subnet_group.this.name
  publicly_accessible          = false
  auto_minor_version_upgrade   = true
  copy_tags_to_snapshot        = true
  monitoring_interval          = 0
  performance_insights_enabled = true

  performance_insights_kms_key_id       = var.kms_key_arn
  performance_insights_retention_period = 7

  tags = merge(var.tags, { DataClassification = "student-data" })
}
