# The Patriot variant: the production stack with the numbers of the Patriot Compliance design (FedRAMP
# Moderate, SOC 2): TLS 1.3 only at the load balancer with a FIPS policy, AWS Backup recovery points
# kept seven years (daily and weekly, weekly ones in cold storage and copied to a second region).
# The same modules as mvp and production; what differs is in terraform.tfvars and in the few lines
# marked "patriot" below. .ferpa-ready.yaml beside this file holds the organisation's FedRAMP
# numbers; ../../README.md ("The Patriot variant") and docs/frameworks.md say how to scan it against
# FedRAMP and against FERPA, and why they disagree.

locals {
  name = "${var.project}-${var.environment}"

  tags = {
    Project     = var.project
    Environment = var.environment
    ManagedBy   = "terraform"
  }

  trail_name = "${local.name}-audit"
  trail_arn  = "arn:aws:cloudtrail:${var.region}:${var.account_id}:trail/${local.trail_name}"

  # patriot: built from its name so the copy's region is known before apply.
  dr_vault_name = "${local.name}-dr-vault"
  dr_vault_arn  = "arn:aws:backup:${var.dr_region}:${var.account_id}:backup-vault:${local.dr_vault_name}"
}

module "kms" {
  source = "../../modules/kms"

  name       = local.name
  account_id = var.account_id
  region     = var.region
  tags       = local.tags
}

module "account" {
  source = "../../modules/account"

  ebs_kms_key_arn = module.kms.key_arns["storage"]
}

module "network" {
  source = "../../modules/network"

  name               = local.name
  account_id         = var.account_id
  region             = var.region
  cidr_block         = var.vpc_cidr
  availability_zones = var.availability_zones
  az_count           = var.az_count
  single_nat_gateway = var.single_nat_gateway
  logs_kms_key_arn   = module.kms.key_arns["logs"]
  tags               = local.tags
}

module "security_groups" {
  source = "../../modules/security-groups"

  name   = local.name
  vpc_id = module.network.vpc_id
  tags   = local.tags
}

module "storage" {
  source = "../../modules/storage"

  name                = local.name
  account_id          = var.account_id
  storage_kms_key_arn = module.kms.key_arns["storage"]
  logs_kms_key_arn    = module.kms.key_arns["logs"]
  trail_arn           = local.trail_arn
  tags                = local.tags
}

module "observability" {
  source = "../../modules/observability"

  name                     = local.name
  account_id               = var.account_id
  region                   = var.region
  logs_kms_key_arn         = module.kms.key_arns["logs"]
  audit_bucket_name        = module.storage.audit_bucket
  student_data_bucket_arns = [module.storage.bucket_arns["backups"], module.storage.bucket_arns["exports"]]
  app_log_days             = var.app_log_days
  security_alert_emails    = var.security_alert_emails
  tags                     = local.tags
}

module "database" {
  source = "../../modules/database"

  name                  = local.name
  subnet_ids            = module.network.data_subnet_ids
  security_group_id     = module.security_groups.postgres_security_group_id
  kms_key_arn           = module.kms.key_arns["database"]
  secrets_kms_key_arn   = module.kms.key_arns["secrets"]
  instance_class        = var.db_instance_class
  instance_count        = var.db_instance_count
  backup_retention_days = var.db_backup_retention_days
  tags                  = local.tags
}

module "cache" {
  source = "../../modules/cache"

  name               = local.name
  subnet_ids         = module.network.data_subnet_ids
  security_group_id  = module.security_groups.redis_security_group_id
  kms_key_arn        = module.kms.key_arns["cache"]
  node_type          = var.cache_node_type
  num_cache_clusters = var.cache_nodes
  tags               = local.tags
}

module "secrets" {
  source = "../../modules/secrets"

  name                = local.name
  kms_key_arn         = module.kms.key_arns["secrets"]
  rotation_lambda_arn = var.rotation_lambda_arn
  secrets = {
    llm-api-key         = "API key of the LLM provider"
    session-signing-key = "Key that signs session tokens"
  }
  tags = local.tags
}

module "load_balancer" {
  source = "../../modules/load-balancer"

  name              = local.name
  vpc_id            = module.network.vpc_id
  public_subnet_ids = module.network.public_subnet_ids
  security_group_id = module.security_groups.alb_security_group_id
  certificate_arn   = var.certificate_arn
  ssl_policy        = var.ssl_policy # patriot: TLS 1.3 only, FIPS
  access_log_bucket = module.storage.log_delivery_bucket
  tags              = local.tags
  logs_kms_key_arn  = module.kms.key_arns["logs"]
}

module "app" {
  source = "../../modules/app"

  name                       = local.name
  environment                = var.environment
  account_id                 = var.account_id
  region                     = var.region
  image                      = var.image
  desired_count              = var.app_desired_count
  private_subnet_ids         = module.network.private_subnet_ids
  security_group_id          = module.security_groups.app_security_group_id
  target_group_arn           = module.load_balancer.target_group_arn
  secret_names               = module.secrets.secret_names
  db_host                    = module.database.cluster_endpoint
  db_name                    = module.database.database_name
  redis_host                 = module.cache.primary_endpoint
  redis_user                 = module.cache.app_user_name
  redis_replication_group_id = "${local.name}-redis"
  export_bucket              = module.storage.bucket_names["exports"]
  app_log_group              = module.observability.app_log_group_name
  audit_log_group            = module.observability.audit_log_group_name
  tags                       = local.tags
}

module "backup" {
  source = "../../modules/backup"

  name           = local.name
  kms_key_arn    = module.kms.key_arns["backups"]
  resource_arns  = [module.database.cluster_arn, module.storage.bucket_arns["backups"], module.storage.bucket_arns["exports"]]
  retention_days = var.backup_retention_days
  tags           = local.tags

  # patriot: seven years, weekly recovery points to cold storage and to the second region.
  max_retention_days      = var.backup_lock_max_days
  weekly_retention_days   = var.weekly_backup_retention_days
  cold_storage_after_days = var.backup_cold_storage_after_days
  copy_vault_arn          = local.dr_vault_arn
}

# patriot: the second region's vault, locked like the first, under a backups key of that region.
module "kms_dr" {
  source    = "../../modules/kms"
  providers = { aws = aws.dr }

  name         = "${local.name}-dr"
  account_id   = var.account_id
  region       = var.dr_region
  data_classes = ["backups"]
  tags         = local.tags
}

resource "aws_backup_vault" "dr" {
  provider = aws.dr

  name          = local.dr_vault_name
  kms_key_arn   = module.kms_dr.key_arns["backups"]
  force_destroy = false

  tags = merge(local.tags, { DataClassification = "student-data" })
}

resource "aws_backup_vault_lock_configuration" "dr" {
  provider = aws.dr

  backup_vault_name  = aws_backup_vault.dr.name
  min_retention_days = 7
  max_retention_days = var.backup_lock_max_days
}

module "auditor" {
  source = "../../modules/auditor"

  name               = local.name
  auditor_account_id = var.auditor_account_id
  external_id        = var.auditor_external_id
  tags               = local.tags
}

# guard slice: the account baseline (threat detection, Security Hub, AWS Config, Access Analyzer, password policy).
module "account_baseline" {
  source = "../../modules/account-baseline"

  name                      = local.name
  account_id                = var.account_id
  config_bucket_name        = module.storage.audit_bucket
  student_data_bucket_names = [module.storage.bucket_names["backups"], module.storage.bucket_names["exports"]]
  tags                      = local.tags
}

# The second region holds recovery points of student data: it gets the same regional guard rails (threat
# detection, Security Hub, AWS Config, Access Analyzer, Macie, EBS encryption by default) as the first.
module "account_baseline_dr" {
  source    = "../../modules/account-baseline"
  providers = { aws = aws.dr }

  name                      = "${local.name}-dr"
  account_id                = var.account_id
  config_bucket_name        = module.storage.audit_bucket
  student_data_bucket_names = []
  secondary_region          = true
  tags                      = local.tags
}

resource "aws_ebs_encryption_by_default" "dr" {
  provider = aws.dr

  enabled = true
}

# doors (issue 14): the static frontend on CloudFront.
module "frontend" {
  source = "../../modules/frontend"

  name                   = local.name
  account_id             = var.account_id
  certificate_arn        = var.certificate_arn
  api_domain_name        = module.load_balancer.dns_name
  log_bucket_domain_name = module.storage.log_delivery_bucket_domain_name
  tags                   = local.tags
  logs_kms_key_arn       = module.kms.key_arns["logs"]
}
