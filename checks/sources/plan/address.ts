/**
 * Terraform address and reference syntax: `module.a["x"].aws_s3_bucket.b[0]`, `aws_sg.app.id`,
 * `data.aws_ami.ubuntu`, `module.net.vpc_id`. Brackets may hold quoted keys with dots in them.
 */

export interface Step {
  name: string;
  /** Bracket text with the brackets, as written: `[0]`, `["a"]`; splats (`[*]`) are dropped. */
  key?: string;
}

/** Split a traversal into steps; an index belongs to the step before it. */
export function splitTraversal(text: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  let name = '';
  const flush = (): void => {
    if (name !== '') steps.push({ name });
    name = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '.') {
      flush();
      i++;
    } else if (c === '[') {
      let j = i + 1;
      let inString = false;
      while (j < text.length) {
        const d = text[j]!;
        if (inString) {
          if (d === '\\') j++;
          else if (d === '"') inString = false;
        } else if (d === '"') inString = true;
        else if (d === ']') break;
        j++;
      }
      const raw = text.slice(i, j + 1);
      flush();
      const last = steps[steps.length - 1];
      if (raw !== '[*]' && last && last.key === undefined) last.key = raw;
      else if (raw !== '[*]') steps.push({ name: '', key: raw });
      i = j + 1;
    } else {
      name += c;
      i++;
    }
  }
  flush();
  return steps;
}

export function stepText(s: Step): string {
  return s.name + (s.key ?? '');
}

/** A module instance on the path to a resource: `module.<call><key>`. */
export interface ModuleFrame {
  call: string;
  key?: string;
}

export interface ParsedAddress {
  modules: ModuleFrame[];
  /** The steps after the module path: `[data,] type, name[key] ...` */
  rest: Step[];
}

export function parseAddress(address: string): ParsedAddress {
  const steps = splitTraversal(address);
  const modules: ModuleFrame[] = [];
  let i = 0;
  while (i + 1 < steps.length && steps[i]!.name === 'module' && steps[i]!.key === undefined) {
    const s = steps[i + 1]!;
    modules.push(s.key !== undefined ? { call: s.name, key: s.key } : { call: s.name });
    i += 2;
  }
  return { modules, rest: steps.slice(i) };
}

export function modulePathText(frames: ModuleFrame[], withKeys = true): string {
  return frames.map((f) => `module.${f.call}${withKeys ? (f.key ?? '') : ''}`).join('.');
}

export function joinAddress(modulePath: string, local: string): string {
  return modulePath ? `${modulePath}.${local}` : local;
}

/** `module.a[0].aws_x.b["k"]` -> `module.a.aws_x.b` */
export function stripKeys(address: string): string {
  const p = parseAddress(address);
  return joinAddress(modulePathText(p.modules, false), p.rest.map((s) => s.name).join('.'));
}

/**
 * Give a reference the module instance keys of the resource that holds it, where the reference
 * points into the same module instance (or an ancestor) and names no key of its own:
 * from `module.db[0].aws_db_instance.main`, `module.db.aws_kms_key.k` becomes `module.db[0].aws_kms_key.k`.
 */
export function withInstanceKeys(ref: string, holder: ModuleFrame[]): string {
  const p = parseAddress(ref);
  let changed = false;
  for (let i = 0; i < p.modules.length && i < holder.length; i++) {
    const f = p.modules[i]!;
    const h = holder[i]!;
    if (f.call !== h.call) break;
    if (f.key !== undefined) {
      if (f.key !== h.key) break;
      continue;
    }
    if (h.key !== undefined) {
      p.modules[i] = { call: f.call, key: h.key };
      changed = true;
    }
  }
  if (!changed) return ref;
  return joinAddress(modulePathText(p.modules), p.rest.map(stepText).join('.'));
}
