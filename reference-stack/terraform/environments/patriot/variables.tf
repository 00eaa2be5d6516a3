variable "project" {
  type    = string
  default = "ferpa"
}

variable "environment" {
  type = string
}

variable "region" {
  description = "Must be one of the profile's approvedRegions."
  type        = string
}

variable "account_id" {
  type = string
}

variable "vpc_cidr" {
  type = string
}

variable "availability_zones" {
  type = list(string)
}

variable "az_count" {
  type = number
}

variable "single_nat_gateway" {
  type = bool
}

variable "db_instance_class" {
  type = string
}

variable "db_instance_count" {
  type = number
}

variable "db_backup_retention_days" {
  type = number
}

variable "cache_node_type" {
  type = string
}

variable "cache_nodes" {
  type = number
}

variable "app_desired_count" {
  type = number
}

variable "app_log_days" {
  type = number
}

variable "backup_retention_days" {
  type = number
}

variable "image" {
  type = string
}

variable "certificate_arn" {
  type = string
}

variable "rotation_lambda_arn" {
  type = string
}

variable "auditor_account_id" {
  type = string
}

variable "auditor_external_id" {
  type = string
}

variable "dr_region" {
  description = "Region of the backup copies; must be one of the profile's approvedRegions."
  type        = string
}

variable "weekly_backup_retention_days" {
  type = number
}

variable "backup_cold_storage_after_days" {
  type = number
}

variable "backup_lock_max_days" {
  type = number
}

variable "ssl_policy" {
  description = "TLS policy of the HTTPS listener (the edge)."
  type        = string
}

# guard slice (issue 14, wave 3)
variable "security_alert_emails" {
  description = "Who receives security alerts (CIS 4.x alarms, GuardDuty and Security Hub findings): the on-call security address."
  type        = list(string)
}
