import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { applicationKeys } from "../../api/queries/applications";
import { setSession } from "../../auth/store";
import type { Application } from "../../lib/applications";
import { clientWithVocabulary } from "../../testing/vocabulary";
import { ApplicationPage } from "./ApplicationPage";

function application(overrides: Partial<Application>): Application {
  return {
    id: 7,
    unit_id: 3,
    unit_name: "锦华区教育局",
    tracking_number: "YSQ2026000007",
    channel: "online",
    applicant_type: "natural_person",
    organisation_kind: null,
    applicant_name: "陈晓明",
    organisation_name: "",
    id_type: "居民身份证",
    id_number: "1101**********002X",
    phone: "138****5678",
    email: "",
    address: "",
    description: "学区划片调整方案",
    purpose: "",
    form: "electronic",
    submitted_on: "2026-03-02",
    received_on: "2026-03-02",
    status: "consulting",
    handler: "edu_handler",
    supplement_requested_on: null,
    supplement_due_on: null,
    supplement_request: "",
    supplement_received_on: null,
    explanation_requested_on: null,
    explanation_request: "",
    explanation_due_on: null,
    explanation_received_on: null,
    explanation_reasonable: null,
    later_reply_on: null,
    extension_working_days: 0,
    extension_approved_by: "",
    extension_reason: "",
    fee_fen: 0,
    fee_notified_on: null,
    fee_due_on: null,
    fee_paid_on: null,
    outcome: null,
    outcome_label: null,
    outcome_reason: null,
    outcome_explanation: "",
    legal_basis: "",
    linked_item_ids: [],
    replied_on: null,
    repeat_of_id: null,
    clock: null,
    opinions: [
      {
        id: 11,
        kind: "third_party",
        party: "锦华实验小学",
        asked_on: "2026-03-04",
        letter_received_on: "2026-03-04",
        answer_due_on: "2026-03-25",
        answered_on: null,
        answer: "",
      },
    ],
    masked: false,
    next_steps: [],
    created_at: "2026-03-02T01:00:00Z",
    ...overrides,
  };
}

function renderPage(shown: Application) {
  current = shown;
  const client = clientWithVocabulary();
  client.setQueryData(applicationKeys.detail(shown.id), shown);
  client.setQueryData(applicationKeys.history(shown.id), []);
  client.setQueryData(applicationKeys.remedies(shown.id), []);
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[`/console/applications/${shown.id}`]}>
          <Routes>
            <Route path="/console/applications/:applicationId" element={<ApplicationPage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

const handling = () => screen.getByText("办理").closest(".ant-card") as HTMLElement;
const headers = () => [...handling().querySelectorAll(".ant-collapse-header")].map((h) => h.textContent);

const PEOPLE = [
  { username: "edu_handler", display_name: "周婷（教育局依申请公开）", unit_id: 3, unit_name: "锦华区教育局" },
  { username: "office", display_name: "王敏（区政务公开办）", unit_id: 1, unit_name: "锦华区人民政府" },
];

interface Call {
  method: string;
  path: string;
  body: unknown;
}

const calls: Call[] = [];
// What the service answers to the page's reads; a step's POST answers `afterStep` and the
// application is read as that from then on.
let current: Application | null = null;
let afterStep: Application | null = null;

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
}

beforeEach(() => {
  calls.length = 0;
  current = afterStep = null;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      const body: unknown = request.method === "POST" ? await request.json() : null;
      calls.push({ method: request.method, path, body });
      if (path === "/api/auth/people") return json(PEOPLE);
      if (request.method === "POST") {
        current = afterStep;
        return json(current);
      }
      if (path.endsWith("/letter.docx") || path.endsWith("/letter.pdf")) {
        return new Response(new Blob(["%PDF"]), { headers: { "Content-Type": "application/octet-stream" } });
      }
      if (path.endsWith("/letter")) {
        return json({
          title: "政府信息公开申请答复告知书",
          number: "依告〔2026〕第7号",
          addressee: "陈晓明",
          paragraphs: ["经审查，您申请的信息予以公开。"],
          signature: "锦华区教育局",
          date: "2026年3月20日",
          tracking_number: "YSQ2026000007",
        });
      }
      if (path.endsWith("/history") || path.endsWith("/remedies")) return json([]);
      return json(current);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setSession(null);
});

function signInAsHandler() {
  setSession({
    accessToken: "a",
    refreshToken: "r",
    user: {
      id: 5,
      username: "edu_handler",
      display_name: "周婷（教育局依申请公开）",
      unit_id: 3,
      unit_name: "锦华区教育局",
      roles: ["application_handler"],
      can: ["work_in_console", "read_applications", "handle_applications", "register_applications"],
      reaches_subtree: false,
    },
  });
}

describe("ApplicationPage", () => {
  it("offers exactly the steps the service lists, in its words and order", async () => {
    renderPage(application({ next_steps: ["assign", "opinion-answer", "decision", "remedies"] }));
    await screen.findByText("征求意见中");
    expect(headers()).toEqual(["分配经办人", "记录意见：锦华实验小学", "拟定答复"]);
    // The first step is open; nothing the list leaves out is offered.
    expect(within(handling()).getByRole("button", { name: /^分\s*配$/ })).toBeInTheDocument();
    expect(within(handling()).queryByText("确认收到")).not.toBeInTheDocument();
    expect(within(handling()).queryByText("作出答复")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "登记复议或诉讼" })).toBeInTheDocument();
  });

  it("shows a supervisor the application with nothing to do", async () => {
    renderPage(application({ next_steps: [] }));
    await screen.findByText("征求意见中");
    expect(within(handling()).getByText("当前没有您可以办理的环节")).toBeInTheDocument();
    expect(within(handling()).queryAllByRole("button")).toEqual([]);
    expect(screen.queryByRole("button", { name: "登记复议或诉讼" })).not.toBeInTheDocument();
  });

  it("says a closed application is done", async () => {
    renderPage(application({ status: "closed", opinions: [], next_steps: ["remedies"] }));
    await screen.findByText("已答复");
    expect(within(handling()).getByText("申请已办结")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "登记复议或诉讼" })).toBeInTheDocument();
  });

  it("asks for the explanation's finding and shows the day it is due", async () => {
    renderPage(
      application({
        status: "awaiting_explanation",
        opinions: [],
        explanation_requested_on: "2026-08-05",
        explanation_request: "一年内就同一事项提出申请三十余次",
        explanation_due_on: "2026-08-26",
        next_steps: ["explanation-received", "remedies"],
      }),
    );
    await screen.findByText("待申请人说明理由");
    expect(headers()).toEqual(["收到说明理由"]);
    expect(within(handling()).getByText(/申请人应于 2026-08-26 前说明理由/)).toBeInTheDocument();
    expect(screen.getByText(/2026-08-05 通知，应于 2026-08-26 前说明/)).toBeInTheDocument();
    // A later reply date is asked only once the reasons are found sound.
    expect(within(handling()).queryByText("延迟答复期限")).not.toBeInTheDocument();
    fireEvent.click(within(handling()).getByLabelText("理由合理"));
    await waitFor(() => expect(within(handling()).getByText("延迟答复期限")).toBeInTheDocument());
  });

  it("names the page and its handler", async () => {
    renderPage(application({ next_steps: [] }));
    expect(await screen.findByRole("heading", { level: 1, name: "申请 YSQ2026000007" })).toBeInTheDocument();
    expect(document.title).toContain("申请 YSQ2026000007");
    expect(await screen.findByText("周婷（教育局依申请公开）")).toBeInTheDocument();
  });

  it("assigns a person picked from the unit's handlers, then offers the next step", async () => {
    signInAsHandler();
    const waiting = application({ status: "in_progress", handler: null, opinions: [], next_steps: ["assign", "decision"] });
    afterStep = { ...waiting, handler: "edu_handler", next_steps: ["decision", "extension"] };
    renderPage(waiting);
    await screen.findByText("办理中");
    const picker = within(handling()).getByRole("combobox", { name: "经办人" });
    fireEvent.mouseDown(picker);
    fireEvent.click(await screen.findByText("王敏（区政务公开办） · 锦华区人民政府"));
    fireEvent.mouseDown(picker);
    fireEvent.click(await screen.findByTitle("周婷（教育局依申请公开）"));
    fireEvent.click(within(handling()).getByRole("button", { name: /^分\s*配$/ }));

    // What was recorded is said, and the step now first is offered, its button focused.
    const said = await within(handling()).findByRole("status", {}, { timeout: 10_000 });
    expect(said).toHaveTextContent("已办理：分配经办人。当前状态：办理中");
    expect(said).toHaveTextContent("下一步：拟定答复");
    expect(calls.find((c) => c.path.endsWith("/assign"))?.body).toEqual({ handler: "edu_handler" });
    const slow = { timeout: 10_000 };
    await waitFor(() => expect(headers()).toEqual(["拟定答复下一步", "延长答复期限"]), slow);
    await waitFor(
      () => expect(document.activeElement).toBe(within(handling()).getByRole("button", { name: "保存答复结果" })),
      slow,
    );
  });

  it("offers the reply letter as Word and PDF once decided", async () => {
    signInAsHandler();
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: () => "blob:letter", revokeObjectURL: () => undefined }));
    renderPage(
      application({ status: "decided", outcome: "disclosed", opinions: [], next_steps: ["reply", "remedies"] }),
    );
    await screen.findByText("经审查，您申请的信息予以公开。");
    fireEvent.click(screen.getByRole("button", { name: /下载 Word（DOCX）/ }));
    fireEvent.click(screen.getByRole("button", { name: /下载 PDF/ }));
    await waitFor(
      () =>
        expect(calls.map((c) => c.path).filter((p) => p.includes("/letter."))).toEqual([
          "/api/applications/applications/7/letter.docx",
          "/api/applications/applications/7/letter.pdf",
        ]),
      { timeout: 10_000 },
    );
  });
});
