import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { inquiryKeys, type Inquiry } from "../../../api/queries/inquiries";
import { officeToday } from "../../../lib/dates";
import { clientWithVocabulary } from "../../../testing/vocabulary";
import { InquiryPage } from "./InquiryPage";

const OPEN: Inquiry = {
  id: 42,
  unit_id: 3,
  kind: "mailbox",
  kind_label: "领导信箱/留言",
  channel: "online",
  subject: "建议增加学位",
  content: "东湖片区学位紧张，建议新建小学。",
  asker_name: "李华",
  asker_contact: "13987654321",
  masked: false,
  received_on: "2026-06-01",
  answer_due_on: "2026-06-15",
  due_provisional: false,
  overdue: true,
  can_answer: true,
  answered_on: null,
  answer: "",
  answered_by: null,
  satisfaction: null,
  created_at: "2026-06-01T02:00:00Z",
};

let current: Inquiry = OPEN;
const posted: unknown[] = [];

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
}

beforeEach(() => {
  posted.length = 0;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (request.method === "POST") {
        const body = (await request.json()) as { answer: string; answered_on: string };
        posted.push(body);
        current = { ...current, answered_on: body.answered_on, answer: body.answer, answered_by: "zhouting", can_answer: false, overdue: false };
        return json(current);
      }
      if (path.endsWith("/history")) return json([]);
      if (path === "/api/units") return json([]);
      return json(current);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage(shown: Inquiry) {
  current = shown;
  const client = clientWithVocabulary();
  client.setQueryData(inquiryKeys.detail(shown.id), shown);
  client.setQueryData(inquiryKeys.history(shown.id), []);
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[`/console/inquiries/${shown.id}`]}>
          <Routes>
            <Route path="/console/inquiries/:inquiryId" element={<InquiryPage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

describe("InquiryPage", () => {
  it("shows the due date and the overdue mark, takes the answer, then shows it answered", async () => {
    renderPage(OPEN);
    expect(await screen.findByRole("heading", { level: 1, name: "建议增加学位" })).toBeInTheDocument();
    expect(screen.getByText("2026-06-15")).toBeInTheDocument();
    expect(screen.getByText("已逾期")).toBeInTheDocument();
    expect(screen.getByText("逾期未答复")).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("答复内容"), { target: { value: "已列入明年学校建设计划。" } });
    fireEvent.click(screen.getByRole("button", { name: "提交答复" }));
    expect(await screen.findByTestId("inquiry-answer", {}, { timeout: 10_000 })).toHaveTextContent("已列入明年学校建设计划。");
    expect(posted).toEqual([{ answer: "已列入明年学校建设计划。", answered_on: officeToday().format("YYYY-MM-DD") }]);
    expect(screen.queryByRole("button", { name: "提交答复" })).not.toBeInTheDocument();
    expect(screen.getByText(/^已答复/)).toBeInTheDocument();
  });

  it("offers no answer form to who may only read it, and shows the contact masked", async () => {
    renderPage({ ...OPEN, can_answer: false, masked: true, asker_contact: "139****4321", overdue: false });
    const answer = (await screen.findByRole("heading", { level: 2, name: "答复" })).closest(".ant-card") as HTMLElement;
    expect(within(answer).getByText("尚未答复")).toBeInTheDocument();
    expect(within(answer).queryByRole("textbox")).not.toBeInTheDocument();
    expect(screen.getByText("139****4321")).toBeInTheDocument();
    expect(screen.getByText("（已遮蔽）")).toBeInTheDocument();
  });
});
