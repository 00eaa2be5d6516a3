# Session and sign-in state of the reference API in DynamoDB: a customer-managed key, point-in-time
# recovery, deletion protection, and time to live as the table's own retention schedule.

resource "aws_dynamodb_table" "sessions" {
  name         = "${var.name}-sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "session_id"

  attribute {
    name = "session_id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }

  point_in_time_recovery {
    enabled = true
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  deletion_protection_enabled = true

  # Sessions name the signed-in student or guardian.
  tags = merge(var.tags, { DataClassification = "student-data" })
}
