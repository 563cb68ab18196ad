import { describe, expect, it } from "vitest";
import { buildUnitTree, subtreeIds, unitPath, type Unit } from "./units";

const unit = (id: number, name: string, parent_id: number | null, extra: Partial<Unit> = {}): Unit => ({
  id,
  name,
  parent_id,
  credit_code: "11330100MB0000000X",
  type: "department",
  sort_order: 0,
  closed: false,
  vertically_managed: false,
  ...extra,
});

const district = [
  unit(3, "锦华区教育局", 1, { sort_order: 2 }),
  unit(1, "锦华区人民政府", null, { type: "government" }),
  unit(2, "锦华区发展和改革局", 1, { sort_order: 1 }),
  unit(4, "东湖街道", 1, { type: "street", sort_order: 3 }),
  unit(5, "东湖社区", 4, { type: "community" }),
  unit(6, "旧机构", 1, { closed: true }),
];

describe("buildUnitTree", () => {
  it("puts each unit under its parent in sort order and leaves closed units out", () => {
    const [root] = buildUnitTree(district);
    expect(root?.name).toBe("锦华区人民政府");
    expect(root?.children.map((c) => c.name)).toEqual(["锦华区发展和改革局", "锦华区教育局", "东湖街道"]);
    expect(root?.children[2]?.children.map((c) => c.name)).toEqual(["东湖社区"]);
  });

  it("shows closed units when asked", () => {
    const [root] = buildUnitTree(district, { includeClosed: true });
    expect(root?.children.map((c) => c.name)).toContain("旧机构");
  });
});

describe("unitPath", () => {
  it("lists the units from the root down to the unit", () => {
    expect(unitPath(district, 5).map((u) => u.name)).toEqual(["锦华区人民政府", "东湖街道", "东湖社区"]);
  });
});

describe("subtreeIds", () => {
  it("holds the unit and everything below it, where it may not be moved", () => {
    expect([...subtreeIds(district, 4)].sort()).toEqual([4, 5]);
    expect(subtreeIds(district, 1).size).toBe(6);
  });
});
