import { identifierForms } from '../adapters/link.js';
import { deepEqual } from '../engine/evaluate.js';
import type { Model } from '../model/model.js';
import type { Resource } from '../model/resource.js';
import { isSensitive, isUnknown, type Val } from '../model/value.js';
import type { DriftItem } from '../engine/types.js';

export type { DriftItem };

/** Kinds whose resources are parts of others or synthetic; they are compared through their owner. */
const SKIP_KINDS = new Set(['aws.account', 'aws.terraform.block']);

function comparable(v: Val | undefined): boolean {
  return !!v && v.origin !== 'unknown' && !v.error && !isUnknown(v.value) && !isSensitive(v.value) && v.value !== undefined;
}

function normalise(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(normalise);
    return items.every((x) => typeof x !== 'object' || x === null) ? [...items].sort((a, b) => String(a).localeCompare(String(b))) : items;
  }
  if (v && typeof v === 'object' && (v as object).constructor === Object) {
    // `origin` in a rule says where it was declared (inline, a separate rule resource, live): provenance, not configuration.
    return Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('_') && k !== 'origin').sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, normalise(x)]));
  }
  return v;
}

function short(v: unknown): string {
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/**
 * Where live differs from what was planned: a planned resource with no live counterpart, an attribute
 * known on both sides with different values, a live resource no plan declares. Resources are matched by
 * kind and any shared identifier (ARN, id, name), in one pass over each model.
 */
export function computeDrift(plan: Model, live: Model): DriftItem[] {
  const liveByIdent = new Map<string, Resource[]>();
  for (const r of live.all()) {
    if (SKIP_KINDS.has(r.kind)) continue;
    for (const ident of r.identifiers) for (const form of identifierForms(ident)) {
      const key = `${r.kind}|${form}`;
      const list = liveByIdent.get(key) ?? [];
      list.push(r);
      liveByIdent.set(key, list);
    }
  }
  const matchedLive = new Set<Resource>();
  const out: DriftItem[] = [];
  const plannedKinds = new Set<string>();
  for (const p of plan.all()) {
    if (SKIP_KINDS.has(p.kind)) continue;
    plannedKinds.add(p.kind);
    let match: Resource | undefined;
    for (const ident of p.identifiers) {
      for (const form of identifierForms(ident)) {
        match = liveByIdent.get(`${p.kind}|${form}`)?.find((l) => !matchedLive.has(l));
        if (match) break;
      }
      if (match) break;
    }
    if (!match) {
      out.push({ drift: 'missing', kind: p.kind, address: p.address ?? p.id, arn: p.arn ?? null, message: `${p.address}: planned but not found in the live account` });
      continue;
    }
    matchedLive.add(match);
    for (const [name, pv] of Object.entries(p.attrs)) {
      const lv = match.attrs[name];
      if (!comparable(pv) || !comparable(lv) || pv.origin === 'default') continue;
      const a = normalise(pv.value);
      const b = normalise(lv!.value);
      if (!deepEqual(a, b)) {
        out.push({ drift: 'changed', kind: p.kind, address: p.address ?? p.id, arn: match.arn ?? match.id, attribute: name, planned: a, live: b, message: `${p.address}: ${name} is ${short(b)} live, planned ${short(a)}` });
      }
    }
  }
  for (const l of live.all()) {
    if (SKIP_KINDS.has(l.kind) || matchedLive.has(l) || !plannedKinds.has(l.kind)) continue;
    if (l.attrs.isDefault?.value === true) continue;
    out.push({ drift: 'unmanaged', kind: l.kind, address: null, arn: l.arn ?? l.id, message: `${l.arn ?? l.id}: live, but no plan declares it` });
  }
  return out.sort((x, y) => x.drift.localeCompare(y.drift) || x.kind.localeCompare(y.kind) || String(x.address ?? x.arn).localeCompare(String(y.address ?? y.arn)) || String(x.attribute ?? '').localeCompare(String(y.attribute ?? '')));
}
