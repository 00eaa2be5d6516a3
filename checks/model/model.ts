import type { Resource } from './resource.js';

/** All resources of one scan, indexed by id and by kind. */
export class Model {
  private readonly byId = new Map<string, Resource>();
  private readonly byKind = new Map<string, Resource[]>();

  constructor(resources: Iterable<Resource> = []) {
    for (const r of resources) this.add(r);
  }

  add(r: Resource): void {
    if (this.byId.has(r.id)) return;
    this.byId.set(r.id, r);
    let list = this.byKind.get(r.kind);
    if (!list) this.byKind.set(r.kind, (list = []));
    list.push(r);
  }

  get(id: string): Resource | undefined {
    return this.byId.get(id);
  }

  ofKind(kind: string): Resource[] {
    return this.byKind.get(kind) ?? [];
  }

  all(): Resource[] {
    return [...this.byId.values()];
  }

  kinds(): string[] {
    return [...this.byKind.keys()];
  }

  /** Targets of a link, in link order. Missing targets are skipped. */
  linked(r: Resource, link: string): Resource[] {
    const ids = r.links[link] ?? [];
    const out: Resource[] = [];
    for (const id of ids) {
      const t = this.byId.get(id);
      if (t) out.push(t);
    }
    return out;
  }

  get size(): number {
    return this.byId.size;
  }
}
