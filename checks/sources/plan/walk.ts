import { isObject, type PlanModule, type PlanResource } from './types.js';

/**
 * Every resource of a module tree (`planned_values.root_module`, `prior_state.values.root_module`),
 * child modules at any depth, in document order. Iterative, so depth costs no stack.
 */
export function moduleResources(root: PlanModule | undefined): PlanResource[] {
  const out: PlanResource[] = [];
  if (!isObject(root)) return out;
  const stack: PlanModule[] = [root];
  while (stack.length) {
    const mod = stack.pop()!;
    if (Array.isArray(mod.resources)) for (const r of mod.resources) if (isObject(r)) out.push(r as PlanResource);
    if (Array.isArray(mod.child_modules)) {
      for (let i = mod.child_modules.length - 1; i >= 0; i--) {
        const c = mod.child_modules[i];
        if (isObject(c)) stack.push(c as PlanModule);
      }
    }
  }
  return out;
}
