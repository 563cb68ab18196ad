import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AnnualReport } from "../../api/queries/reporting";
import { setSession, type Can } from "../../auth/store";
import { clientWithVocabulary } from "../../testing/vocabulary";
import { AnnualWorkspacePage } from "./AnnualWorkspacePage";

const APPLICANT_COLUMNS = [
  { key: "natural_person", label: "自然人", group: null },
  { key: "business", label: "商业企业", group: "法人或其他组织" },
  { key: "research", label: "科研机构", group: "法人或其他组织" },
  { key: "public_welfare", label: "社会公益组织", group: "法人或其他组织" },
  { key: "legal_service", label: "法律服务机构", group: "法人或其他组织" },
  { key: "other", label: "其他", group: "法人或其他组织" },
  { key: "total", label: "总计", group: null },
];

function cells(natural: number | null, total: number | null) {
  return { natural_person: natural, business: 0, research: 0, public_welfare: 0, legal_service: 0, other: 0, total };
}

const REMEDY_COLUMNS = [
  { key: "upheld", label: "结果维持", group: null },
  { key: "corrected", label: "结果纠正", group: null },
  { key: "other", label: "其他结果", group: null },
  { key: "pending", label: "尚未审结", group: null },
  { key: "total", label: "总计", group: null },
];
const NO_REMEDIES = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };

function report(overrides: Partial<AnnualReport> = {}): AnnualReport {
  return {
    id: 11,
    unit_id: 1,
    unit_name: "锦华区人民政府",
    year: 2025,
    scope: "unit",
    scope_label: "本单位",
    status: "draft",
    status_label: "草稿",
    deadline: "2026-03-31",
    late: false,
    updated_at: "2026-01-10T02:00:00Z",
    published_at: null,
    title: "锦华区人民政府2025年政府信息公开工作年度报告",
    sections: { overview: "2025年，我区深入贯彻《条例》……", problems: "", other_matters: "", overview_edited: false },
    tables: {
      two: {
        regulations: { key: "regulations", label: "规章", issued: 1, repealed: 0, valid: 5 },
        normative_documents: { key: "normative_documents", label: "行政规范性文件", issued: 4, repealed: 1, valid: 23 },
        licensing: { key: "licensing", label: "行政许可", decisions: null },
        penalties: { key: "penalties", label: "行政处罚", decisions: 12 },
        coercions: { key: "coercions", label: "行政强制", decisions: 3 },
        charges: { key: "charges", label: "行政事业性收费", amount_wan_yuan: null, amount_fen: null },
      },
      three: {
        columns: APPLICANT_COLUMNS,
        rows: [
          { key: "new", code: "一", label: "一、本年新收政府信息公开申请数量", level: 0, group: null, cells: cells(4, 4) },
          { key: "results_total", code: "三（七）", label: "（七）总计", level: 1, group: null, cells: cells(3, 3) },
        ],
      },
      four: {
        columns: REMEDY_COLUMNS,
        reconsideration: NO_REMEDIES,
        litigation: NO_REMEDIES,
        litigation_after_reconsideration: NO_REMEDIES,
      },
    },
    fees: { fen: 2000, wan_yuan: "0.0020" },
    overview_figures: {
      items_published: 120,
      items_by_channel: { website: 120 },
      items_on_time_rate: 1,
      consultations_received: 0,
      consultations_answered: 0,
      hall_cases_accepted: null,
      hall_on_time_rate: null,
      hall_satisfaction_rate: null,
    },
    figures_read_at: "2026-01-10T02:00:00Z",
    frozen: false,
    missing: [
      {
        source: "hall",
        source_label: "政务服务大厅",
        figures: ["表二 行政许可", "表二 行政事业性收费"],
        reason: "hall 服务暂时不可用",
      },
    ],
    problems: [
      {
        table: "three",
        row: "new",
        row_label: "一、本年新收政府信息公开申请数量",
        column: "natural_person",
        column_label: "自然人",
        reason: "一 + 二 ≠ （七）总计 + 四",
      },
    ],
    can_finalise: false,
    created_by: "office",
    created_at: "2026-01-10T02:00:00Z",
    updated_by: "office",
    finalised_by: null,
    finalised_at: null,
    published_by: null,
    catalog_item_key: null,
    ...overrides,
  } as AnnualReport;
}

function signIn(can: Can[]) {
  setSession({
    accessToken: "a",
    refreshToken: "r",
    user: {
      id: 1,
      username: "office",
      display_name: "王敏",
      unit_id: 1,
      unit_name: "锦华区人民政府",
      roles: ["office"],
      can,
      reaches_subtree: true,
    },
  });
}

function serve(shown: AnnualReport | null) {
  const posted: { path: string; body: unknown }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (request.method !== "GET") posted.push({ path, body: await request.clone().json().catch(() => null) });
      const json =
        path === "/api/units"
          ? [{ id: 1, name: "锦华区人民政府", parent_id: null, type: "government", closed: false }]
          : path === "/api/reporting/annual/reports"
            ? shown
              ? [shown]
              : []
            : path === "/api/reporting/annual/status"
              ? { year: 2025, deadline: "2026-01-31", overdue: true, units: [], unpublished: 0, late: 0 }
              : (shown ?? report());
      return new Response(JSON.stringify(json), { headers: { "Content-Type": "application/json" } });
    }),
  );
  return posted;
}

function renderPage() {
  render(
    <QueryClientProvider client={clientWithVocabulary()}>
      <App>
        <MemoryRouter>
          <AnnualWorkspacePage />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  setSession(null);
  vi.unstubAllGlobals();
});

describe("AnnualWorkspacePage", () => {
  it("shows what is missing and which cell breaks the format, and does not offer to finalise", async () => {
    signIn(["read_reports", "prepare_reports"]);
    serve(report());
    renderPage();
    expect(
      await screen.findByText("锦华区人民政府2025年政府信息公开工作年度报告", {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByText("部分数字缺失，报告不能定稿")).toBeInTheDocument();
    expect(screen.getByText(/表三 一、本年新收政府信息公开申请数量 · 自然人/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "定 稿" })).toBeDisabled();
    // jsdom matches no media query, so the page is as narrow as a phone: its parts are a radio group.
    fireEvent.click(screen.getByRole("radio", { name: "二至四、统计表" }));
    // Table 三's header merges the five kinds of organisation, as the format draws it.
    expect(await screen.findByText("法人或其他组织")).toBeInTheDocument();
    expect(screen.getByText("申请人情况")).toBeInTheDocument();
    expect(screen.getByText("不符合：一 + 二 ≠ （七）总计 + 四")).toBeInTheDocument();
    const licensing = screen.getByText("行政许可", { selector: "td" }).closest("tr") as HTMLElement;
    expect(within(licensing).getByText("缺失")).toBeInTheDocument();
    expect(screen.getByText("未经复议直接起诉")).toBeInTheDocument();
  });

  it("saves section 五 as the office writes it", async () => {
    signIn(["read_reports", "prepare_reports"]);
    const posted = serve(report({ missing: [], problems: [], can_finalise: true }));
    renderPage();
    await screen.findByText("锦华区人民政府2025年政府信息公开工作年度报告", {}, { timeout: 5000 });
    fireEvent.click(screen.getByRole("radio", { name: "五、存在的主要问题及改进情况" }));
    const text = screen.getByRole("textbox", { name: "五、存在的主要问题及改进情况" });
    fireEvent.change(text, { target: { value: "基层政务公开标准化规范化建设仍需加强。" } });
    const editor = text.closest(".ant-space") as HTMLElement;
    fireEvent.click(within(editor).getByRole("button", { name: "保 存" }));
    expect(await screen.findByText("五、存在的主要问题及改进情况已保存")).toBeInTheDocument();
    expect(posted).toContainEqual({
      path: "/api/reporting/annual/reports/11/sections",
      body: { problems: "基层政务公开标准化规范化建设仍需加强。", redraft_overview: false },
    });
    expect(screen.getByRole("button", { name: "定 稿" })).toBeEnabled();
  });

  it("offers to draw up a report not yet begun", async () => {
    signIn(["read_reports", "prepare_reports"]);
    const posted = serve(null);
    renderPage();
    fireEvent.click(await screen.findByRole("button", { name: "编制报告" }));
    await vi.waitFor(() => expect(posted.map((p) => p.path)).toContain("/api/reporting/annual/units/1/reports"));
    expect(posted[0]?.body).toEqual({ year: new Date().getFullYear() - 1, scope: "unit" });
  });

  it("lets a supervisor read but not edit", async () => {
    signIn(["read_reports"]);
    serve(report({ missing: [], problems: [], can_finalise: true }));
    renderPage();
    expect(await screen.findByRole("textbox", { name: "一、总体情况" }, { timeout: 5000 })).toHaveAttribute(
      "readonly",
    );
    expect(screen.queryByRole("button", { name: "定 稿" })).not.toBeInTheDocument();
  });
});
