/** The declared shape of a model kind: attribute names and types, and the links it may have. */
export type AttrType = 'boolean' | 'number' | 'string' | 'string[]' | 'number[]' | 'object' | 'object[]' | 'json';

export interface AttrSpec {
  type: AttrType;
  description: string;
  /** For `object` / `object[]`: the fields of each element (documented; paths into them are not checked). */
  fields?: Record<string, string>;
}

export interface LinkSpec {
  kinds: string[];
  description: string;
}

export interface KindSpec {
  kind: string;
  title: string;
  /** Terraform resource types that produce or contribute to this kind. */
  terraform: string[];
  attrs: Record<string, AttrSpec>;
  links: Record<string, LinkSpec>;
}

/**
 * Declares the kinds of one service. The identity function keeps the literal kind ids, attribute names
 * and link targets in the type, so code checks read attributes by name with a compile-time check
 * (`KindResource` in checks/model/typed.ts).
 */
export function defineKinds<const T extends readonly KindSpec[]>(specs: T): T {
  return specs;
}
