import { describe, expect, it } from "vitest";
import type { AnnualTables } from "../../api/queries/reporting";
import { threeLines } from "./AnnualTablesView";

type Row = AnnualTables["three"]["rows"][number];
const cells = { natural_person: 1, business: 0, research: 0, public_welfare: 0, legal_service: 0, other: 0, total: 1 };
const row = (key: string, label: string, level: number, group: string | null): Row => ({
  key,
  code: key,
  label,
  level,
  group,
  cells,
});

describe("threeLines", () => {
  it("prints the format's headings without figures: 三、本年度办理结果 and each result with sub-rows", () => {
    const lines = threeLines(
      [
        row("new", "一、本年新收政府信息公开申请数量", 0, null),
        row("disclosed", "（一）予以公开", 1, "三、本年度办理结果"),
        row("not_disclosed_1", "1.属于国家秘密", 2, "（三）不予公开"),
        row("not_disclosed_2", "2.其他法律行政法规禁止公开", 2, "（三）不予公开"),
        row("unavailable_1", "1.本机关不掌握相关政府信息", 2, "（四）无法提供"),
        row("results_total", "（七）总计", 1, "三、本年度办理结果"),
        row("carried_forward", "四、结转下年度继续办理", 0, null),
      ],
      "三、本年度办理结果",
    );
    expect(lines.map((l) => ("heading" in l ? `[${l.label}]` : l.label))).toEqual([
      "一、本年新收政府信息公开申请数量",
      "[三、本年度办理结果]",
      "（一）予以公开",
      "[（三）不予公开]",
      "1.属于国家秘密",
      "2.其他法律行政法规禁止公开",
      "[（四）无法提供]",
      "1.本机关不掌握相关政府信息",
      "（七）总计",
      "四、结转下年度继续办理",
    ]);
  });
});
