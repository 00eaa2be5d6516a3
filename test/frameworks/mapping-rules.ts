import { join } from 'node:path';
import { mappingViolation as violation, readMappingRules, type MappingRules } from '../../checks/authoring/mapping-rules.js';
import type { Policy } from '../../checks/engine/policy.js';

export type { AcceptClause, MappingRule } from '../../checks/authoring/mapping-rules.js';

export const MAPPING_RULES: MappingRules = readMappingRules(join(__dirname, 'mapping-rules.yaml'));

/** Why a control -> policy mapping is not justified by the table, or undefined when it is. */
export function mappingViolation(control: string, p: Pick<Policy, 'id'> & { category: string }, rules: MappingRules = MAPPING_RULES): string | undefined {
  return violation(control, p, rules);
}
