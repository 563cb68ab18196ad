import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { WorkSummary } from "../../api/queries/reporting";
import { setSession } from "../../auth/store";
import { clientWithVocabulary } from "../../testing/vocabulary";
import { change, pastMonths, percent } from "./format";
import { WorkFiguresPage } from "./WorkFiguresPage";

vi.mock("./Chart", () => ({
  Chart: ({ label }: { label: string }) => <div>{label}</div>,
  seriesOption: () => ({}),
  pieOption: () => ({}),
}));

const SUMMARY: WorkSummary = {
  unit_id: 1,
  unit_name: "锦华区人民政府",
  include_subunits: true,
  date_from: "2026-01-01",
  date_to: "2026-06-30",
  previous_from: "2025-01-01",
  previous_to: "2025-06-30",
  read_at: "2026-07-01T00:00:00Z",
  figures: [
    {
      key: "items_published",
      label: "主动公开政府信息",
      unit: "条",
      source: "catalog",
      current: 1200,
      previous: 1000,
      change: 0.2,
      change_kind: "ratio",
    },
    {
      key: "hall_on_time_rate",
      label: "按时办结率",
      unit: "%",
      source: "hall",
      current: 0.9925,
      previous: 0.96,
      change: 0.0325,
      change_kind: "points",
    },
    {
      key: "applications_received",
      label: "新收政府信息公开申请",
      unit: "件",
      source: "applications",
      current: null,
      previous: null,
      change: null,
      change_kind: "ratio",
    },
  ],
  by_month: [
    {
      month: "2026-01",
      items: 150,
      items_previous: 100,
      applications: null,
      applications_previous: null,
      hall_accepted: 900,
      hall_accepted_previous: 800,
    },
  ],
  by_column: [{ key: "7", label: "政策文件", count: 200 }],
  by_channel: [{ key: "website", label: "政府网站", count: 1200 }],
  by_unit: [{ unit_id: 2, unit_name: "东湖街道", items: 300, applications: null, hall_accepted: 0 }],
  missing: [
    {
      source: "applications",
      source_label: "依申请公开服务",
      figures: ["依申请公开", "临近期限与逾期申请", "咨询与留言"],
      reason: "applications 服务暂时不可用",
    },
  ],
  missing_previous: [],
};

afterEach(() => {
  cleanup();
  setSession(null);
  vi.unstubAllGlobals();
});

describe("WorkFiguresPage", () => {
  it("shows each figure beside the same period last year, and a missing source as 缺失", async () => {
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
        can: ["read_reports"],
        reaches_subtree: true,
      },
    });
    const asked: URL[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (request: Request) => {
        const url = new URL(request.url);
        asked.push(url);
        const json = url.pathname === "/api/units" ? [] : SUMMARY;
        return new Response(JSON.stringify(json), { headers: { "Content-Type": "application/json" } });
      }),
    );
    render(
      <QueryClientProvider client={clientWithVocabulary()}>
        <App>
          <MemoryRouter>
            <WorkFiguresPage />
          </MemoryRouter>
        </App>
      </QueryClientProvider>,
    );
    expect(await screen.findByText("主动公开政府信息")).toBeInTheDocument();
    expect(screen.getByText("上年同期 1,000")).toBeInTheDocument();
    expect(screen.getByText("同比 +20.0%")).toBeInTheDocument();
    expect(screen.getByText("同比 +3.25个百分点")).toBeInTheDocument();
    expect(screen.getByText("上年同期 缺失")).toBeInTheDocument();
    expect(screen.getByText("本期部分来源不可用")).toBeInTheDocument();
    expect(screen.getByText("主动公开按月图表")).toBeInTheDocument();
    expect(screen.getByText("东湖街道")).toBeInTheDocument();
    const summaryCall = asked.find((u) => u.pathname === "/api/reporting/units/1/summary");
    expect(summaryCall?.searchParams.get("below")).toBe("true");
  });
});

describe("format", () => {
  it("writes rates, changes and the last twelve months", () => {
    expect(percent(0.9925)).toBe("99.25%");
    expect(percent(null, false)).toBe("缺失");
    expect(percent(null)).toBe("—");
    expect(change(-0.05, "ratio")).toBe("-5.0%");
    expect(change(null, "points")).toBe("—");
    expect(pastMonths({ year: 2026, month: 2 }, 3)).toEqual([
      [2026, 1],
      [2025, 12],
      [2025, 11],
    ]);
  });
});
