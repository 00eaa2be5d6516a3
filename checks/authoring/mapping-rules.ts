import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/**
 * The over-claiming table of the framework files (test/frameworks/mapping-rules.yaml): which policies
 * may evidence which control. One accept clause of the control's rule must hold for a mapping: each field
 * it gives (categories, an id pattern, an id pattern that must not match).
 */
export interface AcceptClause {
  category?: string[];
  id?: string;
  notId?: string;
}

export interface MappingRule {
  reason: string;
  accept: AcceptClause[];
}

export type MappingRules = Readonly<Record<string, MappingRule>>;

export function readMappingRules(file: string): MappingRules {
  return (parseYaml(readFileSync(file, 'utf8')) as { rules: Record<string, MappingRule> }).rules;
}

function accepts(clause: AcceptClause, p: { id: string; category: string }): boolean {
  if (clause.category && !clause.category.includes(p.category)) return false;
  if (clause.id && !new RegExp(clause.id).test(p.id)) return false;
  if (clause.notId && new RegExp(clause.notId).test(p.id)) return false;
  return true;
}

/** Why a control -> policy mapping is not justified by the table, or undefined when it is. */
export function mappingViolation(control: string, p: { id: string; category: string }, rules: MappingRules): string | undefined {
  const rule = rules[control];
  if (!rule) return `${control}: no rule in test/frameworks/mapping-rules.yaml says which policies may evidence it`;
  if (rule.accept.some((c) => accepts(c, p))) return undefined;
  return `${control} -> ${p.id} (${p.category}): ${rule.reason}`;
}
