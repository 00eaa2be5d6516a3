import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Policy } from '../../checks/engine/policy.js';

/** One accept clause of test/frameworks/mapping-rules.yaml: every field given must hold. */
export interface AcceptClause {
  category?: string[];
  id?: string;
  notId?: string;
}

export interface MappingRule {
  reason: string;
  accept: AcceptClause[];
}

export const MAPPING_RULES: Record<string, MappingRule> = (
  parseYaml(readFileSync(join(__dirname, 'mapping-rules.yaml'), 'utf8')) as { rules: Record<string, MappingRule> }
).rules;

function accepts(clause: AcceptClause, p: Pick<Policy, 'id' | 'category'>): boolean {
  if (clause.category && !clause.category.includes(p.category)) return false;
  if (clause.id && !new RegExp(clause.id).test(p.id)) return false;
  if (clause.notId && new RegExp(clause.notId).test(p.id)) return false;
  return true;
}

/** Why a control -> policy mapping is not justified by the table, or undefined when it is. */
export function mappingViolation(control: string, p: Pick<Policy, 'id' | 'category'>, rules = MAPPING_RULES): string | undefined {
  const rule = rules[control];
  if (!rule) return `${control}: no rule in test/frameworks/mapping-rules.yaml says which policies may evidence it`;
  if (rule.accept.some((c) => accepts(c, p))) return undefined;
  return `${control} -> ${p.id} (${p.category}): ${rule.reason}`;
}
