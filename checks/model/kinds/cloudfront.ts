import { defineKinds } from './spec.js';

export const cloudfrontKinds = defineKinds([
  {
    kind: 'aws.cloudfront.distribution',
    title: 'CloudFront distribution',
    terraform: ['aws_cloudfront_distribution'],
    attrs: {
      domainName: { type: 'string', description: 'The distribution domain name (d111111abcdef8.cloudfront.net; computed in a plan).' },
      enabled: { type: 'boolean', description: 'enabled (live: DistributionConfig.Enabled).' },
      cacheBehaviors: {
        type: 'object[]',
        description:
          'The default cache behavior (path pattern `*`) and every ordered cache behavior (default_cache_behavior, ordered_cache_behavior; live: DistributionConfig.DefaultCacheBehavior and CacheBehaviors.Items).',
        fields: { pathPattern: "Path pattern ('*' for the default behavior)", viewerProtocolPolicy: 'allow-all | redirect-to-https | https-only' },
      },
      defaultCertificate: {
        type: 'boolean',
        description:
          'Viewers are served the *.cloudfront.net certificate (viewer_certificate.cloudfront_default_certificate; live: ViewerCertificate.CloudFrontDefaultCertificate); false when an ACM or IAM certificate is configured. CloudFront then allows TLSv1 whatever minimum_protocol_version says.',
      },
      minimumProtocolVersion: {
        type: 'string',
        description: 'Minimum viewer TLS version (viewer_certificate.minimum_protocol_version; live: ViewerCertificate.MinimumProtocolVersion). Default TLSv1.',
      },
      webAclId: { type: 'string', description: 'WAF web ACL (web_acl_id: a WAFv2 ARN or a WAF classic id; live: DistributionConfig.WebACLId). Absent when none.' },
      wafAttached: {
        type: 'boolean',
        description:
          'A web ACL is attached: web_acl_id is set, or refers to an aws_wafv2_web_acl / aws_waf_web_acl resource (whose ARN is computed in a plan). Default false.',
      },
      loggingEnabled: {
        type: 'boolean',
        description:
          'Standard (legacy) access logging to S3 (a logging_config block; live: DistributionConfig.Logging.Enabled). Default false. Logging set up only through CloudWatch log delivery (standard logging v2) is not read.',
      },
      loggingBucket: { type: 'string', description: 'Bucket receiving access logs (logging_config.bucket; live: Logging.Bucket).' },
      origins: {
        type: 'object[]',
        description: 'Origins (origin blocks; live: DistributionConfig.Origins.Items).',
        fields: {
          id: 'origin_id / Id',
          domainName: 'domain_name / DomainName (computed in a plan when it names a bucket attribute)',
          type: "'custom' when a custom_origin_config block (CustomOriginConfig) is present, else 's3' (the provider then sends an S3OriginConfig)",
          originAccessControl: 'An origin access control signs requests to the origin (origin_access_control_id set or referring to an aws_cloudfront_origin_access_control)',
          originAccessIdentity: 'A legacy origin access identity is configured (s3_origin_config.origin_access_identity / S3OriginConfig.OriginAccessIdentity)',
          originProtocolPolicy: 'custom origins: http-only | match-viewer | https-only',
          originSslProtocols: 'custom origins: SSLv3 | TLSv1 | TLSv1.1 | TLSv1.2',
        },
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: ListTagsForResource as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {},
  },
]);
