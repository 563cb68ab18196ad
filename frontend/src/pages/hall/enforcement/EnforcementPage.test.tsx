import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hallEnforcementKeys } from "../../../api/queries/hallEnforcement";
import { clientWithVocabulary } from "../../../testing/vocabulary";
import { EnforcementPage } from "./EnforcementPage";

const DECISION = {
  id: 1,
  unit_id: 3,
  unit_name: "锦华区教育局",
  kind: "penalty" as const,
  kind_label: "行政处罚",
  document_number: "锦教罚〔2026〕12号",
  party_type: "natural_person" as const,
  party_name: "张**",
  credit_code: "",
  facts: "无证从事校外培训",
  legal_basis: "《校外培训行政处罚暂行办法》第十二条",
  content: "罚款",
  fine_fen: 500_000,
  decided_on: "2026-11-20",
  source: "form",
  created_by: "zhouting",
  created_at: "2026-11-20T02:00:00Z",
  publicity_due_on: "2026-12-01",
  published_at: "2026-11-20T02:00:00Z",
};

function renderPage() {
  const client = clientWithVocabulary();
  client.setQueryData(hallEnforcementKeys.list({ page: 1 }), { items: [DECISION], total: 1, page: 1, size: 20 });
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={["/console/hall/enforcement"]}>
          <EnforcementPage />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("EnforcementPage", () => {
  it("lists decisions with the fine in yuan, the masked party and the 双公示 deadline", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ items: [DECISION], total: 1, page: 1, size: 20 }), { headers: { "Content-Type": "application/json" } })));
    renderPage();
    const row = (await screen.findByText("锦教罚〔2026〕12号")).closest("tr") as HTMLElement;
    expect(within(row).getByText("张**")).toBeInTheDocument();
    expect(within(row).getByText("5,000.00")).toBeInTheDocument();
    expect(within(row).getByText("期限 2026-12-01")).toBeInTheDocument();
  });

  it("shows every row error of a refused import, with nothing imported", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async (request: Request) => {
        const path = new URL(request.url).pathname;
        const json =
          path === "/api/hall/enforcement/imports"
            ? { imported: 0, errors: [{ row: 4, column: "决定类别", reason: "应为“行政处罚”或“行政强制”" }, { row: 7, column: "决定日期", reason: "日期格式应为YYYY-MM-DD" }] }
            : { items: [DECISION], total: 1, page: 1, size: 20 };
        return new Response(JSON.stringify(json), { headers: { "Content-Type": "application/json" } });
      }),
    );
    renderPage();
    fireEvent.click(screen.getByText(/^导\s*入$/));
    const dialog = (await screen.findByText("导入行政执法决定")).closest(".ant-modal") as HTMLElement;
    const input = dialog.querySelector("input[type=file]") as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(["x"], "decisions.xlsx")] } });
    expect(await within(dialog).findByText("发现 2 处错误，未导入任何记录")).toBeInTheDocument();
    const rows = [...dialog.querySelectorAll("tbody tr")].map((r) => r.textContent);
    expect(rows).toEqual(["4决定类别应为“行政处罚”或“行政强制”", "7决定日期日期格式应为YYYY-MM-DD"]);
  }, 20_000);
});
