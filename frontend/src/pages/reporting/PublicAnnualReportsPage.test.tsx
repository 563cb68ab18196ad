import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { clientWithVocabulary } from "../../testing/vocabulary";
import { PublicAnnualReportsPage } from "./PublicAnnualReportsPage";

const COLUMNS = [
  { id: 40, code: "A20-01", name: "法规文件", article20_item: 1, children: [] },
  { id: 52, code: "X-ANNUAL-REPORT", name: "年度报告", article20_item: null, children: [] },
];
const PUBLISHED = [
  {
    id: 9,
    unit_id: 1,
    unit_name: "锦华区人民政府",
    year: 2025,
    scope: "region",
    scope_label: "本地区汇总",
    status: "published",
    status_label: "已发布",
    deadline: "2026-03-31",
    late: false,
    updated_at: "2026-01-20T02:00:00Z",
    published_at: "2026-01-20T02:00:00Z",
  },
];

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("PublicAnnualReportsPage", () => {
  it("lists the published reports, each read here and found in its unit's 年度报告 column", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async (request: Request) => {
        const path = new URL(request.url).pathname;
        const json = path === "/api/reporting/annual/published" ? PUBLISHED : COLUMNS;
        return new Response(JSON.stringify(json), { headers: { "Content-Type": "application/json" } });
      }),
    );
    render(
      <QueryClientProvider client={clientWithVocabulary()}>
        <MemoryRouter>
          <PublicAnnualReportsPage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const report = await screen.findByRole(
      "link",
      { name: "锦华区人民政府2025年政府信息公开工作年度报告" },
      { timeout: 10_000 },
    );
    expect(report).toHaveAttribute("href", "/annual-reports/9");
    expect(await screen.findByRole("link", { name: "在公开目录中查看" })).toHaveAttribute("href", "/units/1?column=52");
    expect(screen.getByText("本地区汇总")).toBeInTheDocument();
  });
});
