import type { AttrName, KindId, LinkName, LinkTarget } from './kinds/index.js';
import type { Model } from './model.js';
import type { Resource } from './resource.js';
import type { Val } from './value.js';

/**
 * A resource seen as one of the kinds `K`: `attrs` has exactly the attributes its kind declares in
 * checks/model/kinds, so a misspelt name does not compile. For several kinds it is a union, narrowed by
 * `kind` (`if (r.kind === 'aws.rds.cluster') r.attrs.clusterParameterGroupName`); without narrowing,
 * only the attributes they all declare can be read. Every attribute may be absent (an input that does
 * not say, a facet not merged in).
 */
export type KindResource<K extends KindId> = K extends KindId
  ? Omit<Resource, 'kind' | 'attrs'> & {
      kind: K;
      attrs: { readonly [A in AttrName<K>]?: Val };
    }
  : never;

/** The targets of a declared link, typed as the kinds the link declares. */
export function linkedOf<K extends KindId, L extends LinkName<K>>(model: Model, r: KindResource<K>, link: L): Array<KindResource<LinkTarget<K, L>>> {
  return model.linked(r as unknown as Resource, link) as unknown as Array<KindResource<LinkTarget<K, L>>>;
}

/** Every resource of a kind in the model, typed as that kind. */
export function ofKind<K extends KindId>(model: Model, kind: K): Array<KindResource<K>> {
  return model.ofKind(kind) as unknown as Array<KindResource<K>>;
}

/**
 * An attribute whose name is not known when the code is written: one a policy's check options name
 * (`options.attr`), which the catalog loader has checked against the policy's kind.
 */
export function attrNamed(r: { attrs: object }, name: string): Val | undefined {
  return (r.attrs as Record<string, Val | undefined>)[name];
}

/**
 * The targets of a link a policy's check options name, typed as `kind`: the catalog loader has checked
 * that the link exists on the policy's kind and points only at `kind` (a check's `optionRefs`).
 */
export function linkedNamed<T extends KindId>(model: Model, r: { links: Resource['links'] }, link: string, _kind: T): Array<KindResource<T>> {
  return model.linked(r as Resource, link) as unknown as Array<KindResource<T>>;
}
