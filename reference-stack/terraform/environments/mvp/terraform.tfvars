# mvp: two zones, one NAT gateway, a single Aurora writer, a single Redis node, small sizes.
# The controls are the same as production; only redundancy and size differ.
environment = "mvp"
region      = "us-east-1"
account_id  = "111122223333"

vpc_cidr           = "10.10.0.0/16"
availability_zones = ["us-east-1a", "us-east-1b"]
az_count           = 2
single_nat_gateway = true

db_instance_class        = "db.t4g.medium"
db_instance_count        = 1
db_backup_retention_days = 7

cache_node_type = "cache.t4g.small"
cache_nodes     = 1

app_desired_count     = 1
app_log_days          = 30
backup_retention_days = 14

image               = "111122223333.dkr.ecr.us-east-1.amazonaws.com/ferpa-mvp-api:1.0.0"
certificate_arn     = "arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-4000-8000-000000000002"
rotation_lambda_arn = "arn:aws:lambda:us-east-1:111122223333:function:ferpa-mvp-secret-rotation"

auditor_account_id  = "444455556666"
auditor_external_id = "ferpa-ready-audit-mvp"

# guard slice (issue 14, wave 3)
security_alert_emails = ["security-oncall@ferpa-ready.example"]
