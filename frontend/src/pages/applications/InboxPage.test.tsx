import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setSession } from "../../auth/store";
import type { InboxRow } from "../../lib/applications";
import { clientWithVocabulary } from "../../testing/vocabulary";
import { InboxPage } from "./InboxPage";

function row(id: number, overrides: Partial<InboxRow>): InboxRow {
  return {
    id,
    tracking_number: `YSQ202600000${id}`,
    unit_id: 3,
    applicant_name: "陈晓明",
    description: "锦华区2026年义务教育阶段学校划片范围及其确定依据",
    channel: "in_person",
    status: "in_progress",
    handler: "edu_handler",
    submitted_on: "2026-03-02",
    received_on: "2026-03-02",
    reply_due_on: "2026-03-30",
    working_days_left: 12,
    urgency: "normal",
    provisional: false,
    next_action: "reply",
    next_action_on: "2026-03-30",
    next_action_label: "2026-03-30 前答复",
    ...overrides,
  };
}

// As the service orders them: the online application awaiting receipt first, then by the day
// the next action is due.
const ROWS = [
  row(3, {
    channel: "online",
    status: "awaiting_receipt",
    applicant_name: "欧阳明华",
    received_on: null,
    reply_due_on: null,
    working_days_left: null,
    urgency: "none",
    next_action: "confirm_receipt",
    next_action_on: "2026-03-03",
    next_action_label: "确认收到（2026-03-03 提交，确认后起算）",
  }),
  row(1, {
    status: "awaiting_supplement",
    working_days_left: null,
    urgency: "none",
    next_action: "supplement",
    next_action_on: "2026-03-05",
    next_action_label: "等待补正，2026-03-05 前；逾期未补正可按其他处理答复",
  }),
  row(2, { working_days_left: -2, urgency: "overdue", next_action_label: "2026-03-19 前答复" }),
];

const asked: URL[] = [];

beforeEach(() => {
  asked.length = 0;
  setSession({
    accessToken: "a",
    refreshToken: "r",
    user: {
      id: 5,
      username: "edu_handler",
      display_name: "周婷",
      unit_id: 3,
      unit_name: "锦华区教育局",
      roles: ["application_handler"],
      can: ["work_in_console", "read_applications", "handle_applications", "register_applications"],
      reaches_subtree: false,
    },
  });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      asked.push(url);
      const q = url.searchParams.get("q");
      const body =
        url.pathname === "/api/units"
          ? []
          : {
              items: q ? ROWS.filter((r) => r.tracking_number === q) : ROWS,
              total: q ? 1 : ROWS.length,
              page: 1,
              size: 20,
              awaiting_receipt: 1,
            };
      return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setSession(null);
});

function renderPage() {
  render(
    <QueryClientProvider client={clientWithVocabulary()}>
      <App>
        <MemoryRouter initialEntries={["/console/applications"]}>
          <InboxPage />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

const bodyRows = () => screen.getAllByRole("row").filter((r) => r.querySelector("td.ant-table-cell"));

describe("InboxPage", () => {
  it("shows the service's order and why: the next step and its deadline", async () => {
    renderPage();
    await screen.findByText("欧阳明华");
    expect(screen.getByRole("heading", { level: 1, name: "依申请公开办理" })).toBeInTheDocument();
    expect(document.title).toContain("依申请公开办理");
    // Few columns, so that 1440 px holds them without scrolling sideways.
    const headers = screen.getAllByRole("columnheader").map((h) => h.textContent);
    expect(headers).toEqual(["申请编号", "申请人与内容", "状态", "下一步/期限"]);
    const numbers = bodyRows().map((r) => within(r).getByRole("link").textContent);
    expect(numbers).toEqual(["YSQ2026000003", "YSQ2026000001", "YSQ2026000002"]);
    const [first, second, third] = bodyRows();
    expect(within(first!).getByText("确认收到（2026-03-03 提交，确认后起算）")).toBeInTheDocument();
    expect(within(first!).getByText("确认后起算")).toBeInTheDocument();
    expect(within(second!).getByText(/等待补正，2026-03-05 前/)).toBeInTheDocument();
    expect(within(second!).getByText("不计入答复期限")).toBeInTheDocument();
    expect(within(third!).getByText("已逾期 2 个工作日")).toBeInTheDocument();
    // A real link to each application.
    expect(within(first!).getByRole("link")).toHaveAttribute("href", "/console/applications/3");
  });

  it("looks an application up by its tracking number", async () => {
    renderPage();
    await screen.findByText("欧阳明华");
    const search = screen.getByRole("searchbox", { name: "按申请编号或申请人查找" });
    fireEvent.change(search, { target: { value: " YSQ2026000002 " } });
    fireEvent.keyDown(search, { key: "Enter", code: "Enter", keyCode: 13 });
    await waitFor(() => expect(bodyRows()).toHaveLength(1), { timeout: 10_000 });
    expect(within(bodyRows()[0]!).getByRole("link")).toHaveTextContent("YSQ2026000002");
    const last = asked.filter((u) => u.pathname === "/api/applications/applications").at(-1)!;
    expect(last.searchParams.get("q")).toBe("YSQ2026000002");
    expect(screen.getByText(/查找结果包括已办结的申请/)).toBeInTheDocument();
  });
});
