# The scheduled-audit module with the fan-out on (test/ci/fanout-state-machine.test.ts): the values of
# scheduled-audit.tfvars plus an organisation-wide fan-out over two regions.
name              = "demo"
account_id        = "123456789012"
region            = "us-east-1"
audit_regions     = ["us-east-1", "us-east-2"]
image             = "123456789012.dkr.ecr.us-east-1.amazonaws.com/ferpa-ready@sha256:0d4d5c0c3c3b46ef0b1a1b2f0d9dbe4d23f4e4c4f1a0e2b6f5c2d8b8e1f1a2b3"
subnet_ids        = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
vpc_id            = "vpc-0a1b2c3d4e5f60718"
access_log_bucket = "demo-log-delivery-123456789012"
alert_emails      = ["security@example.edu"]
# Every attribute given: the HCL evaluator does not apply optional() defaults of object types yet.
fanout = {
  regions          = ["us-east-1", "us-west-2"]
  accounts         = []
  member_role_name = "FerpaReadyAuditor"
  max_concurrency  = 25
  merge_cpu        = "2048"
  merge_memory     = "8192"
}
