variable "name" {
  type = string
}

variable "account_id" {
  type = string
}

variable "region" {
  type = string
}

variable "cidr_block" {
  type    = string
  default = "10.20.0.0/16"
}

variable "availability_zones" {
  description = "Candidate availability zones, in order."
  type        = list(string)
}

variable "az_count" {
  description = "How many of the availability zones to use (2 for mvp, 3 for production)."
  type        = number
  default     = 2
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all private subnets (cheaper, not zone-redundant)."
  type        = bool
  default     = false
}

variable "logs_kms_key_arn" {
  description = "Customer-managed key for the flow log group."
  type        = string
}

variable "flow_log_retention_days" {
  description = "Security evidence is kept at least a year."
  type        = number
  default     = 365
}

variable "tags" {
  type    = map(string)
  default = {}
}
