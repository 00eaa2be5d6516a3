import type { Val } from '../../../model/value.js';
import type { TfRecord } from '../../../sources/terraform/record.js';
import { computedAttr, derived } from './values.js';

/**
 * The instance metadata service settings of an aws_instance or aws_launch_template (`metadata_options`,
 * Optional+Computed): not configured, AWS launches with tokens optional and the endpoint enabled.
 */
export function imdsAttrs(rec: TfRecord): { httpTokens: Val; httpEndpoint: Val; imdsv2Required: Val } {
  const httpTokens = computedAttr<string>(rec, 'metadata_options.http_tokens', { default: 'optional' });
  const httpEndpoint = computedAttr<string>(rec, 'metadata_options.http_endpoint', { default: 'enabled' });
  const required = httpTokens.value === 'required' || httpEndpoint.value === 'disabled';
  // One side settles it: tokens required, or the endpoint off, whatever the other says.
  const from = httpTokens.value === 'required' ? [httpTokens] : httpEndpoint.value === 'disabled' ? [httpEndpoint] : [httpTokens, httpEndpoint];
  return { httpTokens, httpEndpoint, imdsv2Required: derived(required, from, httpTokens.loc) };
}
