# Application secrets in Secrets Manager: encrypted with the secrets key, rotated by a rotation
# function at most every 90 days, 7-day recovery window. Terraform creates the containers only; the
# values are written by the rotation function (or an operator), so they never reach Terraform state.

resource "aws_secretsmanager_secret" "this" {
  for_each = var.secrets

  name                    = "${var.name}/${each.key}"
  description             = each.value
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = 7

  tags = merge(var.tags, { DataClassification = "pii" })
}

resource "aws_secretsmanager_secret_rotation" "this" {
  for_each = aws_secretsmanager_secret.this

  secret_id           = aws_secretsmanager_secret.this[each.key].id
  rotation_lambda_arn = var.rotation_lambda_arn

  rotation_rules {
    automatically_after_days = var.rotation_days
  }
}
