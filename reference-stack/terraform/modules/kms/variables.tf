variable "name" {
  description = "Name prefix of every key and alias."
  type        = string
}

variable "account_id" {
  description = "AWS account that owns the keys (key policy root principal)."
  type        = string
}

variable "region" {
  description = "Region of the keys (CloudWatch Logs service principal)."
  type        = string
}

variable "data_classes" {
  description = "One key per data class."
  type        = list(string)
  default     = ["database", "cache", "storage", "logs", "secrets", "backups"]
}

variable "tags" {
  type    = map(string)
  default = {}
}
