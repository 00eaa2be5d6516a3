variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "public_subnet_ids" {
  type = list(string)
}

variable "security_group_id" {
  type = string
}

variable "certificate_arn" {
  description = "ACM certificate of the public host name."
  type        = string
}

variable "ssl_policy" {
  type    = string
  default = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

variable "access_log_bucket" {
  description = "Log-delivery bucket (SSE-S3, as ELB access logging requires)."
  type        = string
}

variable "app_port" {
  type    = number
  default = 8000
}

variable "rate_limit_per_5_minutes" {
  description = "Requests one client IP may send in five minutes before WAF blocks it."
  type        = number
  default     = 2000
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "logs_kms_key_arn" {
  description = "Customer-managed key for the WAF request log group."
  type        = string
}
