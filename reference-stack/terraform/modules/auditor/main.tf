# The auditor's read-only role: assumed from the auditor's account with an external id, allowed
# exactly the read calls the ferpa-ready live collector makes. The policy file is a copy of
# checks/sources/live/iam-policy.json (a test keeps the two identical), kept beside this module so
# the stack is self-contained.

resource "aws_iam_role" "auditor" {
  name                 = "${var.name}-ferpa-ready-auditor"
  description          = "Read-only access for the ferpa-ready live audit"
  max_session_duration = 3600

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${var.auditor_account_id}:root" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "sts:ExternalId" = var.external_id }
        Bool         = { "aws:MultiFactorAuthPresent" = "true" }
      }
    }]
  })

  tags = var.tags
}

resource "aws_iam_policy" "auditor" {
  name        = "${var.name}-ferpa-ready-audit-read-only"
  description = "The read calls of the ferpa-ready live collector"
  policy      = file("${path.module}/ferpa-ready-audit-policy.json")

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "auditor" {
  role       = aws_iam_role.auditor.name
  policy_arn = aws_iam_policy.auditor.arn
}
