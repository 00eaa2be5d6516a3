import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expandCompactLive } from '../../../checks/authoring/live-fixture.js';
import { scanText } from '../../helpers/scan-file.js';

// aws-opensearch-domain-fine-grained-access beyond its fixtures: anonymous authentication lets requests without
// credentials in as the anonymous user, so a domain with fine-grained access control on and anonymous auth on fails.

const POLICY = 'aws-opensearch-domain-fine-grained-access';
const statuses = async (name: string, text: string) =>
  Object.fromEntries((await scanText(name, text)).filter((f) => f.policyId === POLICY).map((f) => [f.resource.address ?? f.resource.arn, f.status]));

describe('OpenSearch anonymous authentication', () => {
  it('fails a domain whose fine-grained access control admits anonymous requests (HCL)', async () => {
    const domain = (name: string, anonymous: boolean) => `resource "aws_opensearch_domain" "${name}" {
  domain_name = "${name}"
  advanced_security_options {
    enabled                        = true
    anonymous_auth_enabled         = ${anonymous}
    internal_user_database_enabled = false
  }
}
`;
    expect(await statuses('main.tf', domain('open', true) + domain('closed', false))).toEqual({ 'aws_opensearch_domain.open': 'fail', 'aws_opensearch_domain.closed': 'pass' });
  });

  it('fails the live domain whose AdvancedSecurityOptions say AnonymousAuthEnabled', async () => {
    const pass = parse(readFileSync(new URL('../../../fixtures/aws-opensearch-domain-fine-grained-access/pass/live.yaml', import.meta.url), 'utf8'));
    const domain = pass.resources['AWS::OpenSearchService::Domain'][0];
    domain.data.AdvancedSecurityOptions = { ...domain.data.AdvancedSecurityOptions, AnonymousAuthEnabled: true };
    const snapshot = expandCompactLive({ account: '111122223333', regions: ['us-east-1'], resources: { 'AWS::OpenSearchService::Domain': [domain] } } as never, 'test');
    expect(await statuses('snapshot.json', JSON.stringify(snapshot))).toEqual({ [domain.arn]: 'fail' });
  });
});
