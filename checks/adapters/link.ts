import { Model } from '../model/model.js';
import type { Resource } from '../model/resource.js';
import type { Val } from '../model/value.js';
import { inheritClassification } from './inherit-classification.js';

/** `module.a["x"].aws_s3_bucket.b[0]` -> `module.a.aws_s3_bucket.b` */
export function stripInstanceKeys(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

function instanceKey(address: string): string | undefined {
  const m = /\[([^\]]*)\]$/.exec(address);
  return m?.[1];
}

function push(map: Map<string, Resource[]>, key: string, r: Resource): void {
  const list = map.get(key);
  if (list) list.push(r);
  else map.set(key, [r]);
}

/** ARNs and ids name the same thing in several spellings; index each form a reference might use. */
export function identifierForms(id: string): string[] {
  const forms = [id];
  if (id.startsWith('arn:')) {
    const resource = id.split(':').slice(5).join(':');
    const tail = resource.split('/').pop();
    if (tail && tail !== id) forms.push(tail);
    if (resource) forms.push(resource);
  }
  return forms;
}

/**
 * Resolve link requests into links, apply inverse links, and merge facets (split resources such as
 * `aws_s3_bucket_versioning`) into the resource they configure. One pass over resources plus hash
 * lookups: linear in the number of resources and references.
 */
export function linkModel(resources: Resource[]): Model {
  const byAddress = new Map<string, Resource>();
  const byBase = new Map<string, Resource[]>();
  const byIdent = new Map<string, Resource[]>();
  for (const r of resources) {
    byAddress.set(r.id, r);
    if (r.address) {
      // a block judged twice (its resource, and its configuration block) links as the first
      if (!byAddress.has(r.address)) byAddress.set(r.address, r);
      push(byBase, stripInstanceKeys(r.address), r);
    }
    for (const ident of r.identifiers) for (const form of identifierForms(ident)) push(byIdent, `${r.source}|${form}`, r);
  }

  for (const r of resources) {
    for (const ref of r.linkRefs ?? []) {
      const found = new Set<Resource>();
      for (const addr of ref.addresses ?? []) {
        const exact = byAddress.get(addr);
        if (exact) {
          found.add(exact);
          continue;
        }
        let candidates = byBase.get(stripInstanceKeys(addr)) ?? [];
        if (candidates.length > 1 && r.address) {
          const key = instanceKey(r.address);
          const same = candidates.filter((c) => c.address && instanceKey(c.address) === key);
          if (same.length) candidates = same;
        }
        for (const c of candidates) found.add(c);
      }
      for (const lit of ref.literals ?? []) {
        for (const form of identifierForms(lit)) for (const c of byIdent.get(`${r.source}|${form}`) ?? []) found.add(c);
      }
      const targets = [...found].filter((t) => t !== r && ref.kinds.includes(t.kind));
      const list = (r.links[ref.name] ??= []);
      for (const t of targets) {
        if (!list.includes(t.id)) list.push(t.id);
        if (ref.inverse) {
          const back = (t.links[ref.inverse] ??= []);
          if (!back.includes(r.id)) back.push(r.id);
        }
      }
    }
  }

  redirectFacetTargets(resources, byAddress);

  const kept: Resource[] = [];
  for (const r of resources) {
    if (!r.mergeInto) {
      kept.push(r);
      continue;
    }
    const target = mergeTarget(r, byAddress);
    if (target) {
      mergeFacet(target, r);
      r.mergedInto = target.id;
    } else if (r.keepUnmerged) kept.push(r);
  }

  const trails = kept.filter((r) => r.kind === 'aws.cloudtrail.trail');
  for (const acct of kept.filter((r) => r.kind === 'aws.account')) {
    acct.links.trails = trails.filter((t) => t.source === acct.source && (acct.account === undefined || t.account === acct.account)).map((t) => t.id);
  }
  const model = new Model(kept);
  inheritClassification(model);
  return model;
}

/**
 * A link that reached a facet (a reference to `aws_kms_alias.x`, a literal `alias/x`) means the resource
 * the facet configures: point it there. Runs after every link is resolved, before facets are merged.
 */
function redirectFacetTargets(resources: Resource[], byAddress: Map<string, Resource>): void {
  const redirect = new Map<string, string>();
  for (const r of resources) {
    const to = r.mergeInto ? r.links[r.mergeInto]?.[0] : undefined;
    const target = to ? byAddress.get(to) : undefined;
    if (target && !target.mergeInto) redirect.set(r.id, target.id);
  }
  if (redirect.size === 0) return;
  for (const r of resources) {
    for (const [name, ids] of Object.entries(r.links)) {
      if (r.mergeInto && name === r.mergeInto) continue;
      if (!ids.some((id) => redirect.has(id))) continue;
      const out: string[] = [];
      for (const id of ids) {
        const to = redirect.get(id) ?? id;
        if (to !== r.id && !out.includes(to)) out.push(to);
      }
      r.links[name] = out;
    }
  }
}

/**
 * The resource a facet's attributes end in: its mergeInto link's target, or, when that is itself a facet (a policy
 * written for a stream's consumer, which is a facet of the stream), that facet's own target, and so on.
 */
function mergeTarget(facet: Resource, byId: { get(id: string): Resource | undefined }): Resource | undefined {
  let target: Resource | undefined = facet;
  for (let hops = 0; target?.mergeInto && hops < 8; hops++) {
    const next: string | undefined = target.links[target.mergeInto]?.[0];
    target = next ? byId.get(next) : undefined;
  }
  return target === facet ? undefined : target;
}

function mergeFacet(target: Resource, facet: Resource): void {
  for (const [k, v] of Object.entries(facet.attrs) as Array<[string, Val]>) {
    const existing = target.attrs[k];
    if (facet.appendAttrs?.includes(k)) {
      target.attrs[k] = appendVal(existing, v);
      continue;
    }
    // A facet sets what it configures; a default-origin absent value must not erase an inline setting.
    if (existing && v.origin === 'default' && v.value === undefined) continue;
    target.attrs[k] = v;
  }
  for (const [name, ids] of Object.entries(facet.links)) {
    if (name === facet.mergeInto) continue;
    const list = (target.links[name] ??= []);
    for (const id of ids) if (!list.includes(id)) list.push(id);
  }
  for (const ref of facet.linkRefs ?? []) {
    if (ref.name !== facet.mergeInto) (target.linkRefs ??= []).push(ref);
  }
}

/** Append a facet's array value to the target's (an unknown list stays unknown: its other elements are not known). */
function appendVal(existing: Val | undefined, add: Val): Val {
  if (!existing || (existing.value === undefined && existing.origin !== 'unknown')) return add;
  if (existing.origin === 'unknown' || !Array.isArray(existing.value)) return existing;
  if (add.origin === 'unknown' || !Array.isArray(add.value)) return { ...add, value: undefined, origin: 'unknown' };
  const origin = existing.origin === 'explicit' || (add.origin === 'explicit' && add.value.length > 0) ? 'explicit' : existing.origin;
  return { ...existing, value: [...existing.value, ...add.value], origin };
}
