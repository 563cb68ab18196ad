import { describe, expect, it } from "vitest";
import {
  columnOptions,
  columnPath,
  daysLeftColour,
  daysLeftText,
  filtersFromParams,
  filtersToParams,
  findColumn,
  formatBytes,
  highlightParts,
  historyReason,
  isStaffItem,
  reorderedSortOrders,
  siblingsOf,
  withDisabled,
  searchYears,
  type ColumnNode,
  type PublicItem,
  type StaffItem,
} from "./catalog";

// The lists of GET /api/catalog/vocabulary the search address is checked against.
const VOCABULARY = {
  document_types: [
    { value: "regulation", label: "规章" },
    { value: "normative", label: "行政规范性文件" },
    { value: "other", label: "其他文件" },
  ],
  validities: [
    { value: "valid", label: "有效" },
    { value: "expired", label: "已失效" },
    { value: "repealed", label: "已废止" },
  ],
  search_orders: [
    { value: "relevance", label: "按相关度" },
    { value: "date", label: "按发布日期" },
  ],
};

const column = (id: number, code: string, name: string, children: ColumnNode[] = []): ColumnNode => ({
  id,
  code,
  name,
  article20_item: null,
  retention_years: null,
  hidden_for_unit_types: [],
  children,
});

const tree = [
  column(1, "A20-03", "规划及相关政策", [column(2, "A20-03-02", "专项规划")]),
  column(3, "X-GUIDE", "公开指南"),
];

describe("deadline colours", () => {
  it("is red past due, orange in the last two days, gold in the at-risk week, green before", () => {
    expect([-3, 0, 2, 3, 5, 6, 20].map(daysLeftColour)).toEqual([
      "red",
      "orange",
      "orange",
      "gold",
      "gold",
      "green",
      "green",
    ]);
  });

  it("says how late or how close an item is in working days", () => {
    expect(daysLeftText(-2)).toBe("逾期 2 个工作日");
    expect(daysLeftText(0)).toBe("今日到期");
    expect(daysLeftText(4)).toBe("剩余 4 个工作日");
  });
});

describe("column trees", () => {
  it("finds a column anywhere in the tree and names its path from the top", () => {
    expect(findColumn(tree, (c) => c.code === "A20-03-02")?.name).toBe("专项规划");
    expect(findColumn(tree, (c) => c.code === "X-NONE")).toBeUndefined();
    expect(columnPath(tree, 2)).toEqual(["规划及相关政策", "专项规划"]);
    expect(columnPath(tree, 99)).toEqual([]);
  });

  it("keeps a column and its sub-columns from being chosen as its own new place", () => {
    const [plans, guide] = withDisabled(columnOptions(tree), new Set([1, 2]));
    expect(plans?.disabled).toBe(true);
    expect(plans?.children[0]?.disabled).toBe(true);
    expect(guide?.disabled).toBe(false);
  });

  it("finds a column's siblings at its own level", () => {
    expect(siblingsOf(tree, 2).map((c) => c.id)).toEqual([2]);
    expect(siblingsOf(tree, 3).map((c) => c.id)).toEqual([1, 3]);
    expect(siblingsOf(tree, 99)).toEqual([]);
  });

  it("renumbers the siblings in their new order when one moves up or down", () => {
    const level = [column(7, "A", "甲"), column(8, "B", "乙"), column(9, "C", "丙")];
    expect(reorderedSortOrders(level, 9, -1)).toEqual([
      { id: 7, sort_order: 10 },
      { id: 9, sort_order: 20 },
      { id: 8, sort_order: 30 },
    ]);
    expect(reorderedSortOrders(level, 7, 1).map((c) => c.id)).toEqual([8, 7, 9]);
    // The first cannot go up, nor the last down.
    expect(reorderedSortOrders(level, 7, -1)).toEqual([]);
    expect(reorderedSortOrders(level, 9, 1)).toEqual([]);
  });

  it("gives a TreeSelect the same shape", () => {
    expect(columnOptions(tree)).toEqual([
      { value: 1, title: "规划及相关政策", children: [{ value: 2, title: "专项规划", children: [] }] },
      { value: 3, title: "公开指南", children: [] },
    ]);
  });
});

describe("the search address", () => {
  it("keeps every filter through the address and back", () => {
    const filters = {
      q: "义务教育 招生",
      unitId: 4,
      year: 2026,
      documentType: "normative",
      validity: "valid",
      order: "date",
    } as const;
    const params = filtersToParams(filters);
    expect(params.toString()).toBe(
      "q=%E4%B9%89%E5%8A%A1%E6%95%99%E8%82%B2+%E6%8B%9B%E7%94%9F&unit=4&year=2026&type=normative&validity=valid&order=date",
    );
    expect(filtersFromParams(params, VOCABULARY)).toEqual(filters);
  });

  it("leaves out empty filters and the default order", () => {
    expect(filtersToParams({ q: "  ", order: "relevance" }).toString()).toBe("");
  });

  it("drops values it does not know instead of sending them to the server", () => {
    const params = new URLSearchParams("q=招生&unit=abc&year=-1&type=law&validity=old&order=x");
    const filters = filtersFromParams(params, VOCABULARY);
    expect(filters).toEqual({
      q: "招生",
      unitId: undefined,
      year: undefined,
      documentType: undefined,
      validity: undefined,
      order: "relevance",
    });
  });

  it("takes no coded filter before the vocabulary is known", () => {
    const filters = filtersFromParams(new URLSearchParams("q=招生&type=normative&order=date"), undefined);
    expect(filters).toMatchObject({ q: "招生", documentType: undefined, order: "relevance" });
  });

  it("offers the years from this one back to 2008", () => {
    const years = searchYears(2026);
    expect(years[0]).toBe(2026);
    expect(years.at(-1)).toBe(2008);
    expect(years).toHaveLength(19);
  });
});

describe("items", () => {
  it("tells the staff view from the public one", () => {
    expect(isStaffItem({ author: "张丽" } as StaffItem)).toBe(true);
    expect(isStaffItem({ title: "公开指南" } as PublicItem)).toBe(false);
  });
});

describe("formatBytes", () => {
  it("uses the largest unit that keeps the number above one", () => {
    expect(formatBytes(980)).toBe("980 B");
    expect(formatBytes(12_595)).toBe("12.3 KB");
    expect(formatBytes(4.5 * 1024 * 1024)).toBe("4.5 MB");
  });
});

describe("history", () => {
  it("finds the reason a step was recorded with", () => {
    expect(historyReason({ status: "rejected", reason: "发文字号有误" })).toBe("发文字号有误");
    expect(historyReason({ status: "submitted" })).toBe("");
    expect(historyReason(null)).toBe("");
  });
});

describe("highlightParts", () => {
  it("splits a highlight into plain text and the marked words", () => {
    expect(highlightParts("关于<em>义务教育</em>招生的<em>通知</em>")).toEqual([
      { text: "关于", marked: false },
      { text: "义务教育", marked: true },
      { text: "招生的", marked: false },
      { text: "通知", marked: true },
    ]);
  });

  it("gives back the characters the server escaped, as text that is never markup", () => {
    expect(highlightParts("&lt;script&gt;&amp;&quot;&#x27;<em>A&amp;B</em>")).toEqual([
      { text: "<script>&\"'", marked: false },
      { text: "A&B", marked: true },
    ]);
  });
});
