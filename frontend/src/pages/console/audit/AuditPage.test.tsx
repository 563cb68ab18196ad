import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AuditLine } from "../../../api/queries/audit";
import { setSession } from "../../../auth/store";
import { clientWithVocabulary } from "../../../testing/vocabulary";
import { AuditPage } from "../AuditPage";

const BODY_BEFORE = "各学校：现将2026年秋季学期义务教育招生入学工作通知如下，请于3月10日前报送招生计划。";
const BODY_AFTER = "各学校：现将2026年秋季学期义务教育招生入学工作通知如下，请于3月20日前报送招生计划。";

const LINE: AuditLine = {
  id: 41,
  at: "2026-03-03T01:00:00Z",
  actor: "zhangli",
  actor_name: "张丽",
  actor_unit_id: 3,
  actor_unit_name: "锦华区教育局",
  action: "item.updated",
  action_label: "修改",
  entity_type: "item",
  entity_label: "信息",
  entity_id: "17",
  entity_name: "春季招生通知",
  sentence: "张丽 修改 信息《春季招生通知》",
  changes: [
    { field: "status", label: "状态", before: "草稿", after: "待审查" },
    { field: "body_html", label: "正文", before: BODY_BEFORE, after: BODY_AFTER },
  ],
  request_id: "abc",
};

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
}

const asked: URL[] = [];

beforeEach(() => {
  asked.length = 0;
  setSession({
    accessToken: "a",
    refreshToken: "r",
    user: {
      id: 2,
      username: "supervisor",
      display_name: "赵监察",
      unit_id: 1,
      unit_name: "锦华区人民政府",
      roles: ["supervisor"],
      can: ["work_in_console", "read_audit"],
      reaches_subtree: true,
    },
  });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      asked.push(url);
      if (url.pathname === "/api/catalog/audit/log") return json({ items: [LINE], total: 1, page: 1, size: 20 });
      if (url.pathname === "/api/catalog/audit/words") {
        return json({ subjects: [{ value: "item", label: "信息" }], actions: [{ value: "item.updated", label: "修改" }] });
      }
      return json([]);
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
        <MemoryRouter initialEntries={["/console/audit"]}>
          <AuditPage />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

describe("AuditPage", () => {
  it("reads each entry as a sentence with its before and after in words", async () => {
    renderPage();
    expect(screen.getByRole("heading", { level: 1, name: "审计日志" })).toBeTruthy();
    expect(await screen.findByText("张丽 修改 信息《春季招生通知》")).toBeTruthy();
    // A short value: old → new.
    expect(screen.getByLabelText("原为 草稿").textContent).toBe("草稿");
    expect(screen.getByLabelText("改为 待审查").textContent).toBe("待审查");
    // A long text: only what changed, with a little context.
    const body = screen.getByText("正文").closest("tr") as HTMLElement;
    expect(within(body).getByLabelText("删除 1").tagName).toBe("DEL");
    expect(within(body).getByLabelText("新增 2").tagName).toBe("INS");
    expect(body.textContent).not.toContain("各学校");
  });

  it("asks the service for the person typed, on the first page", async () => {
    renderPage();
    await screen.findByText("张丽 修改 信息《春季招生通知》");
    fireEvent.change(screen.getByLabelText("操作人"), { target: { value: "张丽" } });
    fireEvent.keyDown(screen.getByLabelText("操作人"), { key: "Enter", code: "Enter", keyCode: 13 });
    await vi.waitFor(() =>
      expect(asked.some((u) => u.pathname === "/api/catalog/audit/log" && u.searchParams.get("actor") === "张丽")).toBe(
        true,
      ),
    );
    const last = asked.filter((u) => u.pathname === "/api/catalog/audit/log").at(-1)!;
    expect(last.searchParams.get("page")).toBe("1");
  });
});
