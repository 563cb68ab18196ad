import { describe, expect, it } from "vitest";
import { changed, filtersFromParams, paramsFromFilters, staffQuery } from "./itemFilters";

const read = (address: string) => filtersFromParams(new URLSearchParams(address));

describe("the items list's address", () => {
  it("reads every filter from the address and writes it back the same", () => {
    const address = "q=%E6%8B%9B%E7%94%9F&status=draft&column=12&type=normative&from=2026-01-01&to=2026-06-30&unit=3&page=2";
    const filters = read(address);
    expect(filters).toEqual({
      q: "招生",
      status: "draft",
      column: 12,
      type: "normative",
      from: "2026-01-01",
      to: "2026-06-30",
      unit: 3,
      page: 2,
    });
    expect(paramsFromFilters(filters).toString()).toBe(address);
  });

  it("leaves out what the address cannot mean", () => {
    expect(read("q=%20%20&column=abc&from=2026-13-45&to=yesterday&unit=-1&page=0")).toEqual({
      q: undefined,
      status: undefined,
      column: undefined,
      type: undefined,
      from: undefined,
      to: undefined,
      unit: undefined,
      page: 1,
    });
    expect(read("q=%20%E6%8B%9B%20%20%E7%94%9F%20").q).toBe("招 生");
  });

  it("goes back to the first page when a filter changes, and keeps the others", () => {
    const filters = read("status=draft&page=3");
    expect(paramsFromFilters(changed(filters, { q: "学位" })).toString()).toBe("q=%E5%AD%A6%E4%BD%8D&status=draft");
    expect(paramsFromFilters(changed(filters, { page: 4 })).toString()).toBe("status=draft&page=4");
    expect(paramsFromFilters(changed(filters, { status: undefined })).toString()).toBe("");
  });

  it("asks the API for what the vocabulary knows, and never a range that ends before it starts", () => {
    const filters = read("q=%E6%8B%9B%E7%94%9F&status=nonsense&from=2026-06-30&to=2026-01-01&column=12");
    expect(staffQuery(filters, 20, {})).toEqual({
      page: 1,
      size: 20,
      q: "招生",
      column_id: 12,
      formed_from: "2026-06-30",
    });
    expect(staffQuery(read("status=draft&type=normative"), 20, { status: "draft", type: "normative" })).toEqual({
      page: 1,
      size: 20,
      status: "draft",
      document_type: "normative",
    });
  });
});
