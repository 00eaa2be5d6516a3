import type { CodeChecks } from '../engine/code-check.js';
import { codeCheck as accountFlagsEnabled } from './account-flags-enabled.js';
import { codeCheck as accountMultiRegionTrail } from './account-multi-region-trail.js';
import { codeCheck as backupCopyRegion } from './backup-copy-region.js';
import { codeCheck as cisMetricAlarms } from './cis-metric-alarms.js';
import { codeCheck as clusterParameter } from './cluster-parameter.js';
import { codeCheck as elasticacheUsersClosed } from './elasticache-users-closed.js';
import { codeCheck as dataStoreEnvironment } from './data-store-environment.js';
import { codeCheck as cognitoPasswordPolicy } from './cognito-password-policy.js';
import { codeCheck as dataStoreEvaluated } from './data-store-evaluated.js';
import { codeCheck as ebsVolumeEncrypted } from './ebs-volume-encrypted.js';
import { codeCheck as ecsPlaintextEnvironment } from './ecs-plaintext-environment.js';
import { codeCheck as elbClassicTlsPolicy } from './elb-classic-tls-policy.js';
import { codeCheck as iamPolicyGrants } from './iam-policy-grants.js';
import { codeCheck as iamTrustPrincipals } from './iam-trust-principals.js';
import { codeCheck as kmsKeyCustomerManaged } from './kms-key-customer-managed.js';
import { codeCheck as lambdaPlaintextEnvironment } from './lambda-plaintext-environment.js';
import { codeCheck as launchTemplateVolumesEncrypted } from './launch-template-volumes-encrypted.js';
import { codeCheck as noPlaintextCredentials } from './no-plaintext-credentials.js';
import { codeCheck as policyDeniesInsecureTransport } from './policy-denies-insecure-transport.js';
import { codeCheck as policyNoPublicAllow } from './policy-no-public-allow.js';
import { codeCheck as rdsConnectionLogging } from './rds-connection-logging.js';
import { codeCheck as rdsForceSsl } from './rds-force-ssl.js';
import { codeCheck as s3DataEventsLogged } from './s3-data-events-logged.js';
import { codeCheck as dynamodbDataEventsLogged } from './dynamodb-data-events-logged.js';
import { codeCheck as ramShareInOrganization } from './ram-share-in-organization.js';
import { codeCheck as s3PolicyAdmitsLogDelivery } from './s3-policy-admits-log-delivery.js';
import { codeCheck as s3TlsOnlyPolicy } from './s3-tls-only-policy.js';
import { codeCheck as regionsAudited } from './regions-audited.js';
import { codeCheck as securityFindingsAlerted } from './security-findings-alerted.js';
import { codeCheck as sgAttachedTo } from './sg-attached-to.js';
import { codeCheck as sgWorldIngressWebOnLb } from './sg-world-ingress-web-on-lb.js';
import { codeCheck as sgWorldOpen } from './sg-world-open.js';
import { codeCheck as vpcDefaultSgManaged } from './vpc-default-sg-managed.js';
// search slice
import { codeCheck as redshiftRequireSsl } from './redshift-require-ssl.js';
import { codeCheck as vpcEndpointsPresent } from './vpc-endpoints-present.js';
// guard2 slice
import { codeCheck as dataStoreBackupSelected } from './data-store-backup-selected.js';
// lakes-apis slice (issue 14, wave 4)
import { codeCheck as opensearchServerlessSecurityPolicy } from './opensearchserverless-security-policy.js';
import { codeCheck as glueCatalogEncrypted } from './glue-catalog-encrypted.js';
// org slice (issue 14, wave 4)
import { codeCheck as scpDeniesUnapprovedRegions } from './scp-denies-unapproved-regions.js';
// rest slice (issue 14, wave 4)
import { codeCheck as dynamodbGlobalTableReplicasProtected } from './dynamodb-global-table-replicas-protected.js';
// apis slice (issue 14, wave 4)
import { codeCheck as apigatewayApiStagesLogged } from './apigateway-api-stages-logged.js';
// Macie classification jobs (issue 14)
import { codeCheck as macieJobCoversBucket } from './macie-job-covers-bucket.js';

/**
 * Every code check a policy may name in `check:`, by id. A check's id is its file name; each file of
 * this folder (but this one) is one check, and test/rules/table.test.ts holds this table to the folder.
 * Shared helpers live in lib/.
 */
export const CODE_CHECKS: CodeChecks = {
  'account-flags-enabled': accountFlagsEnabled,
  'account-multi-region-trail': accountMultiRegionTrail,
  'backup-copy-region': backupCopyRegion,
  'cis-metric-alarms': cisMetricAlarms,
  'data-store-environment': dataStoreEnvironment,
  'cognito-password-policy': cognitoPasswordPolicy,
  'cluster-parameter': clusterParameter,
  'elasticache-users-closed': elasticacheUsersClosed,
  'data-store-evaluated': dataStoreEvaluated,
  'ebs-volume-encrypted': ebsVolumeEncrypted,
  'ecs-plaintext-environment': ecsPlaintextEnvironment,
  'elb-classic-tls-policy': elbClassicTlsPolicy,
  'iam-policy-grants': iamPolicyGrants,
  'iam-trust-principals': iamTrustPrincipals,
  'kms-key-customer-managed': kmsKeyCustomerManaged,
  'lambda-plaintext-environment': lambdaPlaintextEnvironment,
  'launch-template-volumes-encrypted': launchTemplateVolumesEncrypted,
  'no-plaintext-credentials': noPlaintextCredentials,
  'policy-denies-insecure-transport': policyDeniesInsecureTransport,
  'policy-no-public-allow': policyNoPublicAllow,
  'rds-connection-logging': rdsConnectionLogging,
  'rds-force-ssl': rdsForceSsl,
  's3-data-events-logged': s3DataEventsLogged,
  'dynamodb-data-events-logged': dynamodbDataEventsLogged,
  'ram-share-in-organization': ramShareInOrganization,
  's3-policy-admits-log-delivery': s3PolicyAdmitsLogDelivery,
  's3-tls-only-policy': s3TlsOnlyPolicy,
  'security-findings-alerted': securityFindingsAlerted,
  'sg-attached-to': sgAttachedTo,
  'sg-world-ingress-web-on-lb': sgWorldIngressWebOnLb,
  'sg-world-open': sgWorldOpen,
  'vpc-default-sg-managed': vpcDefaultSgManaged,
  // search slice
  'redshift-require-ssl': redshiftRequireSsl,
  'vpc-endpoints-present': vpcEndpointsPresent,
  // guard2 slice
  'data-store-backup-selected': dataStoreBackupSelected,
  // lakes-apis slice (issue 14, wave 4)
  'opensearchserverless-security-policy': opensearchServerlessSecurityPolicy,
  'glue-catalog-encrypted': glueCatalogEncrypted,
  // org slice (issue 14, wave 4)
  'scp-denies-unapproved-regions': scpDeniesUnapprovedRegions,
  'regions-audited': regionsAudited,
  // rest slice (issue 14, wave 4)
  'dynamodb-global-table-replicas-protected': dynamodbGlobalTableReplicasProtected,
  // apis slice (issue 14, wave 4)
  'apigateway-api-stages-logged': apigatewayApiStagesLogged,
  // Macie classification jobs (issue 14)
  'macie-job-covers-bucket': macieJobCoversBucket,
};
