import type { components } from "../api/schema";

export type Unit = components["schemas"]["UnitOut"];

export interface UnitNode extends Unit {
  children: UnitNode[];
}

/** The flat list of units as a tree, siblings in their sort order then by name. */
export function buildUnitTree(units: Unit[], { includeClosed = false } = {}): UnitNode[] {
  const shown = units.filter((u) => includeClosed || !u.closed);
  const nodes = new Map<number, UnitNode>(shown.map((u) => [u.id, { ...u, children: [] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent_id === null ? undefined : nodes.get(node.parent_id);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const order = (list: UnitNode[]) => {
    list.sort((a, b) => a.sort_order - b.sort_order || a.name.localeCompare(b.name, "zh-CN"));
    list.forEach((n) => order(n.children));
  };
  order(roots);
  return roots;
}

/** The unit and the units above it, from the root down (for breadcrumbs). */
export function unitPath(units: Unit[], id: number): Unit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const path: Unit[] = [];
  const seen = new Set<number>();
  for (let unit = byId.get(id); unit && !seen.has(unit.id); ) {
    seen.add(unit.id);
    path.unshift(unit);
    unit = unit.parent_id === null ? undefined : byId.get(unit.parent_id);
  }
  return path;
}

/** The ids of a unit and every unit below it: where the office may not move a unit. */
export function subtreeIds(units: Unit[], id: number): Set<number> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parent_id !== null && ids.has(u.parent_id) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
    }
  }
  return ids;
}
