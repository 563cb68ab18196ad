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

/** The units in the order the tree shows them: each parent, then its children. */
export function inTreeOrder(units: Unit[]): Unit[] {
  const flat: Unit[] = [];
  const walk = (nodes: UnitNode[]) =>
    nodes.forEach((node) => {
      flat.push(node);
      walk(node.children);
    });
  walk(buildUnitTree(units));
  return flat;
}

/**
 * The units an application or a consultation may be addressed to: open, and of a type the
 * applications service receives (its vocabulary's `receiving_unit_types`; the API refuses the
 * rest with a 422 naming unit_id), in tree order.
 */
export function receivingUnits(units: Unit[], types: readonly string[]): Unit[] {
  const receives = new Set(types);
  return inTreeOrder(units).filter((u) => receives.has(u.type));
}

// A district or city named at the head of a unit's name ("锦华区民政局" → "锦华区"): up to six
// characters ending in 省, 市, 区, 县 or 旗.
const PLACE_PREFIX = /^.{1,6}?[省市区县旗]/u;

/** The name without the place at its head ("锦华区民政局" → "民政局"); the name if there is none. */
export function withoutPlace(name: string): string {
  const rest = name.replace(PLACE_PREFIX, "");
  return rest || name;
}

function inOrder(name: string, query: string): boolean {
  let at = 0;
  for (const char of query) {
    at = name.indexOf(char, at);
    if (at < 0) return false;
    at += char.length;
  }
  return true;
}

/**
 * How well a unit's name answers what was typed, best 0, or null when it does not: 0 the whole
 * name, 1 the name begins with it, 2 the name after its place begins with it ("民政" →
 * "锦华区民政局"), 3 the name contains it, 4 its characters appear in order. No pinyin.
 */
export function nameRank(name: string, typed: string): number | null {
  const query = typed.replace(/\s+/g, "").toLowerCase();
  const plain = name.toLowerCase();
  if (!query) return null;
  if (plain === query) return 0;
  if (plain.startsWith(query)) return 1;
  if (withoutPlace(plain).startsWith(query)) return 2;
  if (plain.includes(query)) return 3;
  if (inOrder(plain, query)) return 4;
  return null;
}

/** The units whose names answer what was typed, best first, the tree's order among equals. */
export function matchUnits<U extends Pick<Unit, "name">>(units: U[], typed: string): U[] {
  return units
    .map((unit, index) => ({ unit, index, rank: nameRank(unit.name, typed) }))
    .filter((m): m is { unit: U; index: number; rank: number } => m.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((m) => m.unit);
}
