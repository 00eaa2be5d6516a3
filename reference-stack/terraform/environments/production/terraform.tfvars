# production: three zones, a NAT gateway per zone, Aurora writer + reader (Multi-AZ), Redis primary
# with two replicas and automatic failover.
environment = "prod"
region      = "us-east-1"
account_id  = "111122223333"

vpc_cidr           = "10.20.0.0/16"
availability_zones = ["us-east-1a", "us-east-1b", "us-east-1c"]
az_count           = 3
single_nat_gateway = false

db_instance_class        = "db.r6g.large"
db_instance_count        = 2
db_backup_retention_days = 35

cache_node_type = "cache.r7g.large"
cache_nodes     = 3

app_desired_count     = 3
app_log_days          = 90
backup_retention_days = 35

image               = "111122223333.dkr.ecr.us-east-1.amazonaws.com/ferpa-prod-api:1.0.0"
certificate_arn     = "arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-4000-8000-000000000001"
rotation_lambda_arn = "arn:aws:lambda:us-east-1:111122223333:function:ferpa-prod-secret-rotation"

auditor_account_id  = "444455556666"
auditor_external_id = "ferpa-ready-audit-prod"

# guard slice (issue 14, wave 3)
security_alert_emails = ["security-oncall@ferpa-ready.example"]
