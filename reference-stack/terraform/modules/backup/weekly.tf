# Long-term retention (off by default): a weekly plan into the same locked vault, moved to cold storage
# after a while, with a copy of every weekly recovery point in a vault of a second region. Environments
# that keep backups for years (FedRAMP-style records schedules) turn it on with weekly_retention_days;
# its own plan, so the daily plan above stays as it is.

locals {
  weekly = var.weekly_retention_days == null ? {} : { weekly = var.weekly_retention_days }
}

resource "aws_backup_plan" "weekly" {
  for_each = local.weekly

  name = "${var.name}-weekly"

  rule {
    rule_name         = "weekly"
    target_vault_name = aws_backup_vault.this.name
    schedule          = "cron(0 6 ? * SUN *)"
    start_window      = 60
    completion_window = 360

    lifecycle {
      cold_storage_after = var.cold_storage_after_days
      delete_after       = each.value
    }

    dynamic "copy_action" {
      for_each = var.copy_vault_arn == null ? [] : [var.copy_vault_arn]

      content {
        destination_vault_arn = copy_action.value

        lifecycle {
          cold_storage_after = var.cold_storage_after_days
          delete_after       = each.value
        }
      }
    }

    recovery_point_tags = merge(var.tags, { DataClassification = "student-data", BackupPlan = "weekly" })
  }

  tags = var.tags
}

resource "aws_backup_selection" "weekly" {
  for_each = local.weekly

  name         = "${var.name}-data-stores-weekly"
  plan_id      = aws_backup_plan.weekly[each.key].id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = var.resource_arns
}
