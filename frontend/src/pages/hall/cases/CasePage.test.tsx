import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { caseKeys, type Case } from "../../../api/queries/hallCases";
import { CasePage } from "./CasePage";

function shown(overrides: Partial<Case> = {}): Case {
  return {
    id: 41,
    number: "BJ2026000041",
    item_id: 5,
    item_name: "民办学校设立审批",
    unit_id: 3,
    window_id: 2,
    clerk: "clerk",
    applicant_name: "张建国",
    status: "received",
    status_label: "已收件，待受理",
    green_channel: false,
    accepted_on: null,
    promised_due_on: null,
    legal_due_on: null,
    warning: "none",
    completed_on: null,
    item_kind: "promised",
    item_version: 1,
    item_materials: [
      { id: 11, name: "申请书", required: true },
      { id: 12, name: "法定代表人身份证明", required: true },
      { id: 13, name: "办学场所证明", required: true },
    ],
    centre_id: 1,
    ticket_id: null,
    parent_id: null,
    channel: "window",
    applicant_type: "natural_person",
    applicant_id_number: "510***********2345",
    applicant_phone: "138****5678",
    first_asked_by: "clerk",
    received_at: "2026-09-14T01:30:00Z",
    not_accepted_reason: "",
    decision: null,
    decision_reason: "",
    decided_on: null,
    decided_by: "",
    refusal_reported_at: null,
    refusal_reviewed_by: "",
    on_the_spot: false,
    delivered_on: null,
    delivery_method: "",
    fee_fen: 0,
    extension_working_days: 0,
    clock: {
      accepted_on: null,
      legal_due_on: null,
      promised_due_on: null,
      working_days_left: null,
      legal_working_days_left: null,
      paused_working_days: 0,
      suspended: false,
      warning: "none",
      legal_overdue: false,
      provisional: false,
      completion: null,
    },
    notices: [],
    suspensions: [],
    extensions: [],
    steps: [{ step: "received", label: "收件", note: "", by: "clerk", at: "2026-09-14T01:30:00Z" }],
    sub_cases: [],
    next_steps: ["accept", "notify_missing", "refuse"],
    ...overrides,
  };
}

function renderPage(data: Case) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(caseKeys.detail(data.id), data);
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[`/console/hall/cases/${data.id}`]}>
          <Routes>
            <Route path="/console/hall/cases/:caseId" element={<CasePage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

const handling = () => screen.getByText("办理").closest(".ant-card") as HTMLElement;
const headers = () => [...handling().querySelectorAll(".ant-collapse-header")].map((h) => h.textContent);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("CasePage", () => {
  it("offers exactly the steps the service lists", async () => {
    renderPage(shown());
    await screen.findByText("已收件，待受理");
    expect(headers()).toEqual(["受理", "一次性告知", "不予受理"]);
    expect(screen.getByText("510***********2345")).toBeInTheDocument();
  });

  it("sends a one-time notice of the materials ticked, with their problems", async () => {
    const answered = shown({ status: "awaiting_materials", status_label: "一次性告知，待补齐材料", next_steps: ["accept", "refuse"] });
    const fetch = vi.fn(async (request: Request) => {
      expect(new URL(request.url).pathname).toBe("/api/hall/cases/41/notice");
      expect(await request.json()).toEqual({
        materials: [
          { material_id: 11, problem: "缺少举办者签字" },
          { material_id: 13, problem: "未提交" },
        ],
        note: "",
      });
      return new Response(JSON.stringify(answered), { status: 200, headers: { "Content-Type": "application/json" } });
    });
    vi.stubGlobal("fetch", fetch);
    renderPage(shown());
    await screen.findByText("已收件，待受理");
    fireEvent.click(screen.getByText("一次性告知"));
    const form = within(handling());
    fireEvent.click(await form.findByLabelText("申请书"));
    fireEvent.click(form.getByLabelText("办学场所证明"));
    fireEvent.change(form.getAllByPlaceholderText(/问题/)[0]!, { target: { value: "缺少举办者签字" } });
    fireEvent.click(form.getByRole("button", { name: "出具一次性告知书" }));
    await waitFor(() => expect(fetch).toHaveBeenCalledOnce());
    await screen.findByText("一次性告知，待补齐材料");
  });

  it("shows both due dates, the days left and the warning", async () => {
    renderPage(
      shown({
        status: "accepted",
        status_label: "已受理，办理中",
        next_steps: ["add_step", "suspend", "decide", "extend"],
        clock: {
          accepted_on: "2026-09-14",
          legal_due_on: "2026-10-16",
          promised_due_on: "2026-09-28",
          working_days_left: -1,
          legal_working_days_left: 12,
          paused_working_days: 0,
          suspended: false,
          warning: "red",
          legal_overdue: false,
          provisional: false,
          completion: null,
        },
        extensions: [
          { id: 1, working_days: 5, reason: "需补充现场核查", approved_by: "王局长", approved_on: "2026-09-20", created_by: "clerk" },
        ],
      }),
    );
    await screen.findByText("已受理，办理中");
    expect(screen.getByText("2026-09-28")).toBeInTheDocument();
    expect(screen.getByText("2026-10-16")).toBeInTheDocument();
    expect(screen.getByText("已超期 1 个工作日")).toBeInTheDocument();
    expect(screen.getByText("还剩 12 个工作日")).toBeInTheDocument();
    expect(screen.getByText("红牌警告")).toBeInTheDocument();
    expect(screen.getByText(/延期 5 个工作日（2026-09-20），理由：需补充现场核查，批准人：王局长/)).toBeInTheDocument();
  });

  it("says a completed case is done and prints nothing to do", async () => {
    renderPage(shown({ status: "completed", status_label: "已办结", next_steps: [] }));
    await screen.findByText("已办结");
    expect(within(handling()).getByText("办件已办结")).toBeInTheDocument();
  });
});
