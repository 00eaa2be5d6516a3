variable "name" {
  type = string
}

variable "account_id" {
  type = string
}

variable "certificate_arn" {
  description = "ACM certificate (us-east-1) for the frontend's domain names."
  type        = string
}

variable "domain_names" {
  description = "Domain names (aliases) the frontend answers on; the certificate must cover them."
  type        = list(string)
  default     = []
}

variable "api_domain_name" {
  description = "The load balancer's DNS name: /api/* goes there over HTTPS."
  type        = string
}

variable "log_bucket_domain_name" {
  description = "Domain name of the bucket receiving CloudFront access logs (ACLs enabled: standard logging writes with an ACL)."
  type        = string
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "logs_kms_key_arn" {
  description = "Customer-managed key for the WAF request log group."
  type        = string
}
