// Guidance for controls that need evidence no scan produces: what to attest, which documents to attach,
// who signs and how often. The text is data (policies/frameworks/ferpa.yaml `attestationGuidance`,
// validated by policies/schema/framework.schema.json); this decides when a report shows it.

export interface AttestationGuidance {
  /** The statement to attest, or the evidence to supply. */
  attest: string;
  /** Documents to attach. */
  documents: string[];
  /** Who signs (a role, not a person). */
  signer: string;
  /** How often it is renewed. */
  frequency: string;
}

/**
 * A control shows its guidance when evidence is still missing: it needs evidence, or it requires an
 * attestation that is missing, expired or dated in the future.
 */
export function showsGuidance(c: { status: string; attestation: { required: boolean; state: string }; guidance: AttestationGuidance | null }): boolean {
  if (!c.guidance) return false;
  return c.status === 'needs-evidence' || (c.attestation.required && c.attestation.state !== 'valid');
}
