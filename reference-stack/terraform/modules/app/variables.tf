variable "name" {
  type = string
}

variable "environment" {
  type = string
}

variable "account_id" {
  type = string
}

variable "region" {
  type = string
}

variable "image" {
  description = "Container image (ECR, pinned by digest in real deployments)."
  type        = string
}

variable "app_port" {
  type    = number
  default = 8000
}

variable "cpu" {
  type    = number
  default = 512
}

variable "memory" {
  type    = number
  default = 1024
}

variable "desired_count" {
  type    = number
  default = 1
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "security_group_id" {
  type = string
}

variable "target_group_arn" {
  type = string
}

variable "secret_names" {
  description = "Secrets Manager secret names by key; each becomes an environment secret of the container."
  type        = map(string)
}

variable "db_host" {
  type = string
}

variable "db_name" {
  type = string
}

variable "db_user" {
  description = "Database role the application logs in as with an IAM token."
  type        = string
  default     = "ferpa_app"
}

variable "redis_host" {
  type = string
}

variable "redis_user" {
  type = string
}

variable "redis_replication_group_id" {
  type = string
}

variable "export_bucket" {
  type = string
}

variable "app_log_group" {
  type = string
}

variable "audit_log_group" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}
