variable "name" {
  type = string
}

variable "subnet_ids" {
  description = "Isolated data subnets."
  type        = list(string)
}

variable "security_group_id" {
  description = "The PostgreSQL security group (application tier only)."
  type        = string
}

variable "kms_key_arn" {
  description = "Database key: storage and Performance Insights."
  type        = string
}

variable "secrets_kms_key_arn" {
  description = "Secrets key: the RDS-managed master user secret."
  type        = string
}

variable "engine_version" {
  type    = string
  default = "16.4"
}

variable "database_name" {
  type    = string
  default = "ferpa"
}

variable "master_username" {
  type    = string
  default = "ferpa_admin"
}

variable "instance_class" {
  type    = string
  default = "db.t4g.medium"
}

variable "instance_count" {
  description = "1 = writer only; 2 or more adds readers in other zones (Multi-AZ)."
  type        = number
  default     = 1
}

variable "backup_retention_days" {
  description = "Between the profile's backupMinDays (7) and dispositionDays (60)."
  type        = number
  default     = 7

  validation {
    condition     = var.backup_retention_days >= 7 && var.backup_retention_days <= 35
    error_message = "Aurora keeps automated backups 7-35 days here: at least the backup floor, never past disposition."
  }
}

variable "log_statement" {
  description = "PostgreSQL log_statement: ddl or all (never none)."
  type        = string
  default     = "ddl"
}

variable "tags" {
  type    = map(string)
  default = {}
}
