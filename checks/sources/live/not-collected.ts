/**
 * Data-store types a live audit of this build does not list, because it has no collector for them. The
 * audit says so in the snapshot's notes (and so in the results' diagnostics), so that an account without
 * findings for them is not read as clean: unseen is not pass. Their policies judge Terraform (HCL, plan).
 */
export const NOT_COLLECTED_LIVE: ReadonlyArray<{ types: string[]; what: string }> = [
];

/** The note a snapshot carries about them. */
export function notCollectedNote(): string {
  return `not collected by this audit (this build has no collector for them): ${NOT_COLLECTED_LIVE.map((n) => n.what).join('; ')}. No finding about them here is not a pass: judge them from Terraform (scan the HCL or a plan).`;
}
