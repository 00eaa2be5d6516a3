// Every code check module registers itself on import; the engine imports this file once.
import './rds-force-ssl.js';
import './rds-connection-logging.js';
import './kms-key-customer-managed.js';
import './sg-world-open.js';
import './sg-world-ingress-web-on-lb.js';
import './sg-attached-to.js';
import './ebs-volume-encrypted.js';
import './vpc-default-sg-managed.js';
import './policy-no-public-allow.js';
import './s3-tls-only-policy.js';
import './account-flags-enabled.js';
import './account-multi-region-trail.js';
import './s3-data-events-logged.js';
import './iam-policy-grants.js';
import './iam-trust-principals.js';
import './ecs-plaintext-environment.js';
export {};
