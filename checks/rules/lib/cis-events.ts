/**
 * The CIS AWS Foundations 4.x events (v1.5 numbering; 3.x in v3) the catalog wants an alarm for, each
 * with the terms a metric filter pattern must name to catch it. A pattern is compared with whitespace and
 * double quotes removed, so `{ ($.eventName = "DeleteTrail") }` and `{($.eventName=DeleteTrail)}` agree.
 * Naming every term is what the benchmark's audit procedure checks too; it does not prove the pattern's
 * logic (an `&&` where the benchmark has `||` would still pass).
 */
export interface CisEvent {
  id: string;
  title: string;
  cis: string;
  terms: string[];
}

const eventNames = (...names: string[]) => names.map((n) => `$.eventName=${n}`);

export const CIS_EVENTS: readonly CisEvent[] = [
  { id: 'unauthorized-api-calls', title: 'unauthorized API calls', cis: '4.1', terms: ['$.errorCode=*UnauthorizedOperation', '$.errorCode=AccessDenied*'] },
  { id: 'console-sign-in-without-mfa', title: 'console sign-in without MFA', cis: '4.2', terms: ['$.eventName=ConsoleLogin', '$.additionalEventData.MFAUsed!=Yes'] },
  { id: 'root-use', title: 'use of the root user', cis: '4.3', terms: ['$.userIdentity.type=Root'] },
  {
    id: 'iam-policy-changes',
    title: 'IAM policy changes',
    cis: '4.4',
    terms: eventNames(
      'DeleteGroupPolicy',
      'DeleteRolePolicy',
      'DeleteUserPolicy',
      'PutGroupPolicy',
      'PutRolePolicy',
      'PutUserPolicy',
      'CreatePolicy',
      'DeletePolicy',
      'CreatePolicyVersion',
      'DeletePolicyVersion',
      'AttachRolePolicy',
      'DetachRolePolicy',
      'AttachUserPolicy',
      'DetachUserPolicy',
      'AttachGroupPolicy',
      'DetachGroupPolicy',
    ),
  },
  { id: 'cloudtrail-changes', title: 'CloudTrail configuration changes', cis: '4.5', terms: eventNames('CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging') },
  { id: 'kms-key-disable-or-deletion', title: 'disabling or scheduled deletion of KMS keys', cis: '4.7', terms: ['$.eventSource=kms.amazonaws.com', ...eventNames('DisableKey', 'ScheduleKeyDeletion')] },
  {
    id: 'security-group-changes',
    title: 'security group changes',
    cis: '4.10',
    terms: eventNames('AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'CreateSecurityGroup', 'DeleteSecurityGroup'),
  },
];

/** Whether a metric filter pattern names every term of the event (a whole term: `CreatePolicy` is not in `CreatePolicyVersion`). */
export function patternCatches(pattern: string, event: CisEvent): boolean {
  const flat = pattern.replace(/[\s"]/g, '');
  return event.terms.every((t) => {
    for (let at = flat.indexOf(t); at >= 0; at = flat.indexOf(t, at + 1)) {
      if (!/[A-Za-z0-9_*]/.test(flat.charAt(at + t.length))) return true;
    }
    return false;
  });
}
