variable "name" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_id" {
  description = "The Redis security group (application tier only)."
  type        = string
}

variable "kms_key_arn" {
  description = "Cache key."
  type        = string
}

variable "node_type" {
  type    = string
  default = "cache.t4g.small"
}

variable "num_cache_clusters" {
  description = "1 = a single node; 2 or more = a primary with replicas, automatic failover, Multi-AZ."
  type        = number
  default     = 1
}

variable "snapshot_retention_days" {
  type    = number
  default = 1
}

variable "tags" {
  type    = map(string)
  default = {}
}
