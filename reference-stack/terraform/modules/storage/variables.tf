variable "name" {
  type = string
}

variable "account_id" {
  type = string
}

variable "storage_kms_key_arn" {
  description = "Storage key (student-data buckets)."
  type        = string
}

variable "logs_kms_key_arn" {
  description = "Logs key (the CloudTrail bucket)."
  type        = string
}

variable "trail_arn" {
  description = "The CloudTrail trail allowed to write the audit bucket."
  type        = string
}

variable "elb_account_id" {
  description = "Elastic Load Balancing account of the region (us-east-1: 127311923021) that writes ALB access logs."
  type        = string
  default     = "127311923021"
}

variable "backup_object_days" {
  description = "Days a backup object is kept: within the profile's dispositionDays (60)."
  type        = number
  default     = 60
}

variable "audit_log_days" {
  description = "Days audit and access logs are kept: at least the profile's securityLogMinDays (365)."
  type        = number
  default     = 730
}

variable "tags" {
  type    = map(string)
  default = {}
}
