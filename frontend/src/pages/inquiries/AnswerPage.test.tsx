import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PublicInquiry } from "../../api/queries/inquiries";
import { clientWithVocabulary } from "../../testing/vocabulary";
import { AnswerPage } from "./AnswerPage";

const ANSWERED: PublicInquiry = {
  id: 42,
  unit_name: "锦华区教育局",
  kind: "consultation",
  kind_label: "咨询",
  subject: "小学入学需要哪些材料",
  content: "孩子今年秋季入学，请问需要准备哪些材料？",
  received_on: "2026-06-01",
  answer_due_on: "2026-06-08",
  answered_on: "2026-06-03",
  answer: "请携带户口簿、房产证明到学校报名。",
  satisfaction: null,
  satisfaction_label: null,
};

interface Call {
  method: string;
  url: URL;
  body: unknown;
}
const calls: Call[] = [];

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

beforeEach(() => {
  calls.length = 0;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      const body: unknown = request.method === "POST" ? await request.json() : null;
      calls.push({ method: request.method, url, body });
      if (url.searchParams.get("token") === "WRONG0000") {
        return json({ error: { code: "inquiry_not_found", message: "编号或查询码不正确" } }, 404);
      }
      if (url.pathname.endsWith("/satisfaction")) {
        return json({ ...ANSWERED, satisfaction: "satisfied", satisfaction_label: "满意" });
      }
      return json(ANSWERED);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage(entry = "/inquiries/track?number=42") {
  render(
    <QueryClientProvider client={clientWithVocabulary()}>
      <MemoryRouter initialEntries={[entry]}>
        <AnswerPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

function ask(code: string) {
  fireEvent.change(screen.getByLabelText("查询码"), { target: { value: code } });
  fireEvent.click(screen.getByRole("button", { name: /^查\s*询$/ }));
}

describe("AnswerPage", () => {
  it("shows the answer for the number and the code, and takes one rating", async () => {
    renderPage();
    expect(screen.getByRole("heading", { level: 1, name: "咨询留言答复查询" })).toBeInTheDocument();
    expect(screen.getByLabelText("编号")).toHaveValue("42");
    ask("k7m2q9xa");
    expect(await screen.findByTestId("inquiry-answer")).toHaveTextContent("请携带户口簿、房产证明到学校报名。");
    expect(screen.getByRole("heading", { level: 2, name: "小学入学需要哪些材料" })).toBeInTheDocument();
    expect(calls[0]?.url.pathname).toBe("/api/applications/inquiries/42/public");
    expect(calls[0]?.url.searchParams.get("token")).toBe("k7m2q9xa");

    fireEvent.click(screen.getByLabelText("满意"));
    fireEvent.click(screen.getByRole("button", { name: "提交评价" }));
    expect(await screen.findByText("您的评价：", { exact: false })).toHaveTextContent("您的评价：满意");
    expect(calls.at(-1)?.body).toEqual({ token: "k7m2q9xa", satisfaction: "satisfied" });
    expect(screen.queryByRole("button", { name: "提交评价" })).not.toBeInTheDocument();
  });

  it("says when the number or the code is wrong", async () => {
    renderPage();
    ask("WRONG0000");
    expect(await screen.findByText("编号或查询码不正确")).toBeInTheDocument();
  });
});
