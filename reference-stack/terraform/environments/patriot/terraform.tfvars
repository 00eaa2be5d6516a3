# patriot: the production shape with the Patriot Compliance design's numbers (FedRAMP Moderate, SOC 2;
# ../../../../shared/SEED-SYSTEMS.md): three zones, a NAT gateway per zone, Aurora writer + reader
# with backups 35 days, Redis with replicas, TLS 1.3 only (FIPS) at the load balancer, and AWS
# Backup daily and weekly recovery points kept seven years, weekly ones in cold storage after 30
# days and copied to a second region.
environment = "patriot"
region      = "us-east-1"
dr_region   = "us-west-2"
account_id  = "111122223333"

vpc_cidr           = "10.30.0.0/16"
availability_zones = ["us-east-1a", "us-east-1b", "us-east-1c"]
az_count           = 3
single_nat_gateway = false

db_instance_class        = "db.r6g.large"
db_instance_count        = 2
db_backup_retention_days = 35

cache_node_type = "cache.r7g.large"
cache_nodes     = 3

app_desired_count = 3
app_log_days      = 90

# Seven years (7 x 365 days): the records schedule of the Patriot design.
backup_retention_days          = 2555
weekly_backup_retention_days   = 2555
backup_cold_storage_after_days = 30
backup_lock_max_days           = 2555

ssl_policy = "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04"

image               = "111122223333.dkr.ecr.us-east-1.amazonaws.com/ferpa-patriot-api:1.0.0"
certificate_arn     = "arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-4000-8000-000000000003"
rotation_lambda_arn = "arn:aws:lambda:us-east-1:111122223333:function:ferpa-patriot-secret-rotation"

auditor_account_id  = "444455556666"
auditor_external_id = "ferpa-ready-audit-patriot"

# guard slice (issue 14, wave 3)
security_alert_emails = ["security-oncall@ferpa-ready.example"]
