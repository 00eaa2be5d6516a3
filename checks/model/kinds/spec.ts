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
