# Customer-managed KMS keys, one per data class, each with yearly rotation and a key policy that
# names its principals (no wildcard principal). Services that write through a key get a statement
# scoped to this account.

locals {
  root_arn = "arn:aws:iam::${var.account_id}:root"

  # Extra service principals per data class.
  service_principals = {
    database = ["rds.amazonaws.com"]
    cache    = ["elasticache.amazonaws.com"]
    storage  = ["s3.amazonaws.com"]
    logs     = ["logs.${var.region}.amazonaws.com", "cloudtrail.amazonaws.com", "delivery.logs.amazonaws.com"]
    secrets  = ["secretsmanager.amazonaws.com"]
    backups  = ["backup.amazonaws.com"]
  }
}

resource "aws_kms_key" "this" {
  for_each = toset(var.data_classes)

  description             = "${var.name} ${each.key} data"
  key_usage               = "ENCRYPT_DECRYPT"
  enable_key_rotation     = true
  rotation_period_in_days = 365
  deletion_window_in_days = 30
  multi_region            = false

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
        Sid       = "ServiceUse"
        Effect    = "Allow"
        Principal = { Service = lookup(local.service_principals, each.key, ["kms.amazonaws.com"]) }
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey", "kms:CreateGrant"]
        Resource  = "*"
        Condition = {
          StringEquals = { "aws:SourceAccount" = var.account_id }
        }
      },
    ]
  })

  tags = merge(var.tags, { Name = "${var.name}-${each.key}", KeyPurpose = each.key })
}

resource "aws_kms_alias" "this" {
  for_each = aws_kms_key.this

  name          = "alias/${var.name}-${each.key}"
  target_key_id = aws_kms_key.this[each.key].key_id
}
