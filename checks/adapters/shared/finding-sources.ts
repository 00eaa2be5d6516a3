/**
 * Which security findings an EventBridge event pattern matches: `guardduty` (source aws.guardduty with no
 * detail-type or "GuardDuty Finding") and `securityhub` (source aws.securityhub with no detail-type or a
 * "Security Hub Findings - ..." type). Finer `detail` filters (a severity floor) narrow a rule; they do not
 * exclude it. The Terraform adapter (event_pattern) and the live adapter (ListRules EventPattern) share it.
 */
export function findingSourcesOf(pattern: unknown): string[] {
  if (!pattern || typeof pattern !== 'object' || Array.isArray(pattern)) return [];
  const p = pattern as Record<string, unknown>;
  const sources = list(p.source);
  const types = list(p['detail-type']);
  const out: string[] = [];
  if (sources.includes('aws.guardduty') && (!types.length || types.includes('GuardDuty Finding'))) out.push('guardduty');
  if (sources.includes('aws.securityhub') && (!types.length || types.some((t) => typeof t === 'string' && t.startsWith('Security Hub Findings')))) out.push('securityhub');
  return out;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}
