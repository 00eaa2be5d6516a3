# AWS Backup: a vault encrypted with the backups key and locked (governance mode) so recovery points
# cannot be deleted early nor kept past the disposition window; a daily plan whose recovery points
# live between the backup floor and the disposition window; a selection of the data stores.

resource "aws_backup_vault" "this" {
  name          = "${var.name}-vault"
  kms_key_arn   = var.kms_key_arn
  force_destroy = false

  tags = merge(var.tags, { DataClassification = "student-data" })
}

resource "aws_backup_vault_lock_configuration" "this" {
  backup_vault_name  = aws_backup_vault.this.name
  min_retention_days = var.min_retention_days
  max_retention_days = var.max_retention_days
}

resource "aws_backup_plan" "this" {
  name = "${var.name}-daily"

  rule {
    rule_name                = "daily"
    target_vault_name        = aws_backup_vault.this.name
    schedule                 = "cron(0 5 ? * * *)"
    start_window             = 60
    completion_window        = 180
    enable_continuous_backup = false

    lifecycle {
      delete_after = var.retention_days
    }

    recovery_point_tags = merge(var.tags, { DataClassification = "student-data" })
  }

  tags = var.tags
}

resource "aws_iam_role" "backup" {
  name = "${var.name}-backup"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "backup.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "backup" {
  role       = aws_iam_role.backup.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"
}

resource "aws_iam_role_policy_attachment" "restore" {
  role       = aws_iam_role.backup.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"
}

# guard2 slice: the selection includes the student-data buckets, which AWS Backup reads and restores with its S3 policies.
resource "aws_iam_role_policy_attachment" "s3_backup" {
  role       = aws_iam_role.backup.name
  policy_arn = "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup"
}

resource "aws_iam_role_policy_attachment" "s3_restore" {
  role       = aws_iam_role.backup.name
  policy_arn = "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore"
}

# AWS Backup protects an Aurora cluster only where the region opts in to Aurora, even when the selection
# names it by ARN, and a selection by tag or wildcard only the opted-in types. An account is opted in to the
# types supported when it first used AWS Backup in the region, so the types this stack holds are set here.
resource "aws_backup_region_settings" "this" {
  resource_type_opt_in_preference = {
    "Aurora"     = true
    "DocumentDB" = true
    "DynamoDB"   = true
    "EBS"        = true
    "EC2"        = true
    "EFS"        = true
    "FSx"        = true
    "Neptune"    = true
    "RDS"        = true
    "Redshift"   = true
    "S3"         = true
    "Timestream" = true
  }
}

resource "aws_backup_selection" "this" {
  name         = "${var.name}-data-stores"
  plan_id      = aws_backup_plan.this.id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = var.resource_arns
}
