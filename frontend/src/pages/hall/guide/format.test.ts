import { describe, expect, it } from "vitest";
import { beijingDate, beijingTime, feeText, limitText, sizeText } from "./format";

describe("the guide's figures", () => {
  it("writes fen as yuan, and no fee as 不收费", () => {
    expect(feeText(0)).toBe("不收费");
    expect(feeText(5)).toBe("0.05元");
    expect(feeText(5000)).toBe("50.00元");
    expect(feeText(123456789)).toBe("1,234,567.89元");
  });

  it("writes a 即办件's limit as 当场办结 and others in working days", () => {
    expect(limitText("instant", 0)).toBe("当场办结");
    expect(limitText("promised", 10)).toBe("10个工作日");
  });

  it("writes file sizes", () => {
    expect(sizeText(900)).toBe("900 字节");
    expect(sizeText(1536)).toBe("1.5 KB");
    expect(sizeText(3 * 1024 * 1024)).toBe("3.0 MB");
  });
});

describe("stored times", () => {
  it("are shown in Beijing time, whatever the browser's zone", () => {
    expect(beijingTime("2026-03-02T01:00:00Z")).toBe("2026-03-02 09:00");
    expect(beijingDate("2026-03-01T16:30:00Z")).toBe("2026-03-02");
  });
});
