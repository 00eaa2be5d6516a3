/** What an Organizations policy is attached to: the root covers every member account, an OU or an account only those under it. */
export type TargetKind = 'root' | 'ou' | 'account' | 'other';

/** What an attachment's target id names: the root covers every member account, an OU or account only those under it. */
export function targetKindOfId(id: string): TargetKind {
  if (/^r-[0-9a-z]+$/.test(id)) return 'root';
  if (/^ou-[0-9a-z]+-[0-9a-z]+$/.test(id)) return 'ou';
  return /^\d{12}$/.test(id) ? 'account' : 'other';
}
