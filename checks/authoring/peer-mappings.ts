import { parse as parseYaml } from 'yaml';
import { mappingViolation, type MappingRules } from './mapping-rules.js';

interface FrameworkFile {
  framework: string;
  extends?: string;
  controls: Record<string, { policies?: string[] }>;
}

export interface PeerProposal {
  /** Controls of this framework to add the new policy to. */
  controls: string[];
  /** The controls its peers are mapped to that the mapping rules do not let this policy evidence. */
  refused: string[];
}

/**
 * The controls of another framework a new policy should be mapped to, proposed from its peers: the
 * policies already mapped to the same FERPA controls. Each control of the other framework that maps a
 * peer is proposed when its mapping rule accepts the new policy too (its category, its id), so the
 * proposal never claims more than the table allows; what the rules refuse is reported, not written.
 */
export function proposePeerMappings(ferpaText: string, ferpaControls: string[], otherText: string, policy: { id: string; category: string }, rules: MappingRules): PeerProposal {
  const ferpa = parseYaml(ferpaText) as FrameworkFile;
  const peers = new Set(ferpaControls.flatMap((c) => ferpa.controls[c]?.policies ?? []));
  peers.delete(policy.id);
  const other = parseYaml(otherText) as FrameworkFile;
  const controls: string[] = [];
  const refused: string[] = [];
  for (const [id, control] of Object.entries(other.controls ?? {})) {
    if (!(control.policies ?? []).some((p) => peers.has(p))) continue;
    if ((control.policies ?? []).includes(policy.id)) continue;
    (mappingViolation(id, policy, rules) ? refused : controls).push(id);
  }
  return { controls, refused };
}
