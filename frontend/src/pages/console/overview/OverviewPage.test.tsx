import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setSession, type Me } from "../../../auth/store";
import { clientWithVocabulary } from "../../../testing/vocabulary";
import { OverviewPage, overviewBlocks } from "../OverviewPage";

const OFFICE: Me = {
  id: 1,
  username: "office",
  display_name: "王敏",
  unit_id: 1,
  unit_name: "锦华区人民政府",
  roles: ["office"],
  can: ["work_in_console", "read_items", "write_items", "review_items", "read_applications", "handle_applications"],
  reaches_subtree: true,
};
const SUPERVISOR: Me = {
  ...OFFICE,
  username: "supervisor",
  display_name: "赵监察",
  roles: ["supervisor"],
  can: ["work_in_console", "read_items", "read_applications", "read_audit"],
};
const PUBLISHER: Me = {
  ...OFFICE,
  username: "publisher",
  display_name: "张丽",
  unit_id: 3,
  unit_name: "锦华区教育局",
  roles: ["publisher"],
  can: ["work_in_console", "read_items", "write_items"],
  reaches_subtree: false,
};

const CATALOG = {
  unit_id: 1,
  unit_name: "锦华区人民政府",
  today: "2026-03-24",
  units: [
    { unit_id: 1, unit_name: "锦华区人民政府", parent_id: null, at_risk: 0, late: 0, missing_interpretations: 0 },
    { unit_id: 3, unit_name: "锦华区教育局", parent_id: 1, at_risk: 1, late: 4, missing_interpretations: 2 },
  ],
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

const asked: string[] = [];

beforeEach(() => {
  asked.length = 0;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      asked.push(url.pathname + url.search);
      if (url.pathname === "/api/catalog/overview/units/1") return json(CATALOG);
      if (url.pathname === "/api/applications/overview/units/1") {
        return json({ error: { code: "upstream_unavailable", message: "依申请公开服务暂时无法访问" } }, 503);
      }
      if (url.pathname === "/api/catalog/items") {
        const status = url.searchParams.get("status");
        const items = status === "rejected" ? [{ id: 9, title: "关于调整学区划片的通知" }] : [];
        return json({ items, total: status === "draft" ? 3 : items.length, page: 1, size: 5 });
      }
      if (url.pathname.endsWith("/deadlines")) return json({ items: [], total: 0, page: 1, size: 5 });
      if (url.pathname === "/api/units") return json([]);
      return json({ error: { code: "not_found", message: "不存在" } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setSession(null);
});

function renderAs(user: Me) {
  setSession({ accessToken: "a", refreshToken: "r", user });
  render(
    <QueryClientProvider client={clientWithVocabulary()}>
      <App>
        <MemoryRouter initialEntries={["/console"]}>
          <OverviewPage />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

const card = (title: string) => screen.getByRole("heading", { level: 2, name: title }).closest(".ant-card") as HTMLElement;

describe("OverviewPage", () => {
  it("shows the office each unit's figures as links to the list they count, and a failing service in its own block", async () => {
    renderAs(OFFICE);
    expect(screen.getByRole("heading", { level: 1, name: "工作台概览" })).toBeTruthy();
    const late = await screen.findByRole("link", { name: "锦华区教育局 已逾期 4 条" });
    expect(late.getAttribute("href")).toBe("/console/deadlines?unit=3&below=0&tab=late");
    expect(
      screen.getByRole("link", { name: "锦华区教育局 政策解读缺失 2 条" }).getAttribute("href"),
    ).toBe("/console/deadlines?unit=3&below=0&tab=interpretations");
    // A zero opens nothing.
    const deadlines = card("信息发布期限（按单位）");
    expect(within(deadlines).queryByRole("link", { name: /锦华区人民政府/ })).toBeNull();
    // The applications service is down: its block says so and offers a retry; the other stays.
    const applications = card("依申请公开期限（按单位）");
    expect(await within(applications).findByText("依申请公开服务暂时无法访问")).toBeTruthy();
    expect(within(applications).getByRole("button", { name: /重\s?试/ })).toBeTruthy();
    expect(screen.getByRole("link", { name: "撰写信息" })).toBeTruthy();
  });

  it("gives a supervisor the same figures without the office's actions", async () => {
    renderAs(SUPERVISOR);
    expect(await screen.findByRole("link", { name: "锦华区教育局 已逾期 4 条" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "撰写信息" })).toBeNull();
  });

  it("gives a publisher their own queue, not the units' table", async () => {
    renderAs(PUBLISHER);
    const queue = card("我的信息发布待办");
    expect(await within(queue).findByRole("link", { name: "草稿 3 条" })).toBeTruthy();
    expect(within(queue).getByRole("link", { name: "退回修改 1 条" }).getAttribute("href")).toBe(
      "/console/items?status=rejected",
    );
    expect(await within(queue).findByRole("link", { name: "关于调整学区划片的通知" })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "信息发布期限（按单位）" })).toBeNull();
    expect(asked.some((path) => path.startsWith("/api/catalog/overview"))).toBe(false);
  });
});

describe("overviewBlocks", () => {
  it("picks the blocks from the role groups", () => {
    expect(overviewBlocks(OFFICE)).toMatchObject({ deadlinesByUnit: true, applicationsByUnit: true, actions: true });
    expect(overviewBlocks(SUPERVISOR)).toMatchObject({ deadlinesByUnit: true, actions: false, publisher: false });
    expect(overviewBlocks({ can: ["work_in_console", "read_items", "review_items"], reaches_subtree: false })).toMatchObject(
      { deadlinesByUnit: false, reviewer: true, publisher: false },
    );
    expect(
      overviewBlocks({ can: ["work_in_console", "read_applications", "handle_applications"], reaches_subtree: false }),
    ).toMatchObject({ handler: true, applicationsByUnit: false });
  });
});
