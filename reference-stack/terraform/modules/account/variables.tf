variable "ebs_kms_key_arn" {
  description = "Default key for new EBS volumes."
  type        = string
}
