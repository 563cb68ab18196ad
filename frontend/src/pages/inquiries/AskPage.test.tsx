import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { unitKeys } from "../../api/queries/units";
import { vocabularyKeys } from "../../api/queries/vocabulary";
import type { Unit } from "../../lib/units";
import { APPLICATIONS_VOCABULARY, clientWithVocabulary } from "../../testing/vocabulary";
import { AskPage } from "./AskPage";

const UNITS = [
  { id: 1, name: "锦华区人民政府", type: "government", parent_id: null },
  { id: 3, name: "锦华区教育局", type: "department", parent_id: 1 },
].map((u) => ({ credit_code: "11510199MB0000000X", sort_order: u.id, closed: false, vertically_managed: false, ...u }) as Unit);

const posted: unknown[] = [];

beforeEach(() => {
  posted.length = 0;
  vi.spyOn(window, "scrollTo").mockImplementation(() => {});
  vi.stubGlobal(
    "fetch",
    vi.fn(async (request: Request) => {
      posted.push(await request.json());
      // The service's own dates: the page shows them as given, provisional marked.
      const receipt = { id: 61, token: "K7M2Q9XA", received_on: "2026-12-30", answer_due_on: "2027-01-07", due_provisional: true };
      return new Response(JSON.stringify(receipt), { status: 201, headers: { "Content-Type": "application/json" } });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("AskPage", () => {
  it("checks the contact, sends the question and gives the number, the code and the due date", async () => {
    const client = clientWithVocabulary();
    client.setQueryData(vocabularyKeys.domain("applications"), {
      ...APPLICATIONS_VOCABULARY,
      receiving_unit_types: ["government", "department", "street", "township"],
    });
    client.setQueryData(unitKeys.list(), UNITS);
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <AskPage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(screen.getByRole("heading", { level: 1, name: "咨询与留言" })).toBeInTheDocument();
    expect(screen.getByText("个人信息保护")).toBeInTheDocument();
    const picker = screen.getByRole("combobox", { name: "咨询或留言的单位" });
    fireEvent.mouseDown(picker);
    fireEvent.change(picker, { target: { value: "教育" } });
    fireEvent.click(await screen.findByTitle("锦华区教育局"));
    fireEvent.click(screen.getByLabelText("领导信箱/留言"));
    fireEvent.change(screen.getByLabelText("标题"), { target: { value: "建议增加学位" } });
    fireEvent.change(screen.getByLabelText("内容"), { target: { value: "东湖片区学位紧张，建议新建小学。" } });
    fireEvent.change(screen.getByLabelText("姓名"), { target: { value: "李华" } });
    fireEvent.change(screen.getByLabelText("联系电话或电子邮箱"), { target: { value: "李华的电话" } });
    const slow = { timeout: 10_000 };
    expect(await screen.findByText("请填写11位手机号码、带区号的固定电话或电子邮箱", {}, slow)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("联系电话或电子邮箱"), { target: { value: "lihua@example.com" } });
    fireEvent.click(screen.getByRole("button", { name: /^提\s*交$/ }));

    expect(await screen.findByRole("heading", { level: 2, name: "咨询留言回执" }, slow)).toBeInTheDocument();
    expect(posted).toEqual([
      {
        unit_id: 3,
        kind: "mailbox",
        subject: "建议增加学位",
        content: "东湖片区学位紧张，建议新建小学。",
        asker_name: "李华",
        asker_contact: "lihua@example.com",
      },
    ]);
    expect(screen.getByTestId("inquiry-number")).toHaveTextContent("61");
    expect(screen.getByTestId("inquiry-code")).toHaveTextContent("K7M2Q9XA");
    expect(screen.getByTestId("inquiry-due")).toHaveTextContent("2027-01-07（暂定，以当年工作日安排为准）");
    expect(screen.getByRole("link", { name: "查看答复" })).toHaveAttribute("href", "/inquiries/track?number=61");
  });
});
