import { describe, expect, it } from "vitest";
import { buildUnitTree, matchUnits, nameRank, receivingUnits, subtreeIds, unitPath, withoutPlace, type Unit } from "./units";

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

describe("receivingUnits", () => {
  it("offers open units of the types that receive applications, in tree order", () => {
    const types = ["government", "department", "street", "township"];
    expect(receivingUnits(district, types).map((u) => u.name)).toEqual([
      "锦华区人民政府",
      "锦华区发展和改革局",
      "锦华区教育局",
      "东湖街道",
    ]);
  });
});

describe("matchUnits", () => {
  const names = [
    "锦华区人民政府",
    "锦华区人民政府办公室",
    "锦华区教育局",
    "锦华区民政局",
    "锦华区婚姻登记处",
    "锦华区市场监督管理局",
    "国家税务总局蓉州市锦华区税务局",
    "民政服务站",
    "东湖街道",
  ].map((name) => ({ name }));
  const match = (typed: string) => matchUnits(names, typed).map((u) => u.name);

  it("puts 民政局 before the names that merely contain 民政", () => {
    // 民政服务站 begins with it (1), 锦华区民政局 begins with it after the place (2); 人民政府
    // only contains it (3), the government's own first, as in the tree.
    expect(match("民政")).toEqual(["民政服务站", "锦华区民政局", "锦华区人民政府", "锦华区人民政府办公室"]);
  });

  it("ranks the whole name, its beginning, the word after the place, containing, in order", () => {
    expect(match("东湖街道")).toEqual(["东湖街道"]);
    expect(match("锦华区教")).toEqual(["锦华区教育局"]);
    expect(match("市场")).toEqual(["锦华区市场监督管理局"]);
    expect(match("税务")).toEqual(["国家税务总局蓉州市锦华区税务局"]);
    expect(match("婚姻")[0]).toBe("锦华区婚姻登记处");
    // Characters in order come last: 教…局 in 锦华区教育局, 人…府 in 人民政府.
    expect(match("教局")).toEqual(["锦华区教育局"]);
    expect(nameRank("锦华区人民政府", "人府")).toBe(4);
  });

  it("ignores spaces and finds nothing for nothing", () => {
    expect(match(" 教 育 ")).toEqual(["锦华区教育局"]);
    expect(match("")).toEqual([]);
    expect(match("公安")).toEqual([]);
  });

  it("reads the place off the head of a name", () => {
    expect(withoutPlace("锦华区民政局")).toBe("民政局");
    expect(withoutPlace("锦华区市场监督管理局")).toBe("市场监督管理局");
    expect(withoutPlace("东湖街道")).toBe("东湖街道");
    expect(nameRank("锦华区民政局", "民政")).toBe(2);
  });
});
