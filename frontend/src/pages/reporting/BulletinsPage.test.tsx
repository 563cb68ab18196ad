import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Bulletin, BulletinRow } from "../../api/queries/reporting";
import { setSession, type Can } from "../../auth/store";
import { clientWithVocabulary } from "../../testing/vocabulary";
import { BulletinsPage, fullMarks } from "./BulletinsPage";

vi.mock("./Chart", () => ({ Chart: () => <div>图表</div>, seriesOption: () => ({}), pieOption: () => ({}) }));

const WEIGHTS = {
  timeliness: 30,
  volume: 10,
  interpretation: 20,
  interpretation_deduction: 5,
  applications: 20,
  overdue_deduction: 5,
  due_soon_deduction: 0,
  hall_on_time: 10,
  satisfaction: 10,
};

function row(unitId: number, name: string, rank: number | null, score: number | null, hall: boolean): BulletinRow {
  return {
    unit_id: unitId,
    unit_name: name,
    figures: {
      published: 40,
      late: 2,
      overdue_unpublished: 0,
      policy_documents: 3,
      interpretations_late: 0,
      applications_due_soon: 1,
      applications_overdue: 0,
      hall_completed: hall ? 200 : null,
      hall_on_time: hall ? 200 : null,
      hall_rated: hall ? 100 : null,
      hall_satisfied: hall ? 99 : null,
    },
    on_time_rate: 0.95,
    hall_on_time_rate: hall ? 1 : null,
    hall_satisfaction_rate: hall ? 0.99 : null,
    parts: [{ key: "timeliness", label: "按时发布", full: 30, score: 28.5 }],
    score,
    rank,
  };
}

function bulletin(overrides: Partial<Bulletin> = {}): Bulletin {
  return {
    id: 7,
    unit_id: 1,
    unit_name: "锦华区人民政府",
    year: 2026,
    month: 10,
    title: "锦华区人民政府2026年10月政务公开工作考评通报",
    status: "draft",
    status_label: "草稿",
    figures_read_at: "2026-11-02T01:00:00Z",
    issued_at: null,
    published_at: null,
    missing: 0,
    weights: WEIGHTS,
    rows: [row(1, "锦华区人民政府", 1, 98.4, true), row(3, "锦华区教育局", 2, 82.5, true)],
    missing_sources: [],
    can_issue: true,
    created_by: "office",
    updated_by: "office",
    updated_at: "2026-11-02T01:00:00Z",
    issued_by: null,
    published_by: null,
    catalog_item_key: null,
    ...overrides,
  };
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

/** Answers the page's calls; records the POSTs. */
function serve(shown: Bulletin | null) {
  const posted: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (request.method === "POST") posted.push(path);
      const json =
        path === "/api/units"
          ? [{ id: 1, name: "锦华区人民政府", parent_id: null, type: "government", closed: false }]
          : path.endsWith("/bulletins")
            ? shown
              ? [shown]
              : []
            : path.endsWith("/bulletin-weights")
              ? { ...WEIGHTS, unit_id: 1, default: true, updated_by: null, updated_at: null }
              : path.endsWith("/issue")
                ? { ...shown, status: "issued", status_label: "已印发", can_issue: false }
                : shown;
      if (json === null) {
        return new Response(JSON.stringify({ error: { code: "bulletin_not_found", message: "尚未编制" } }), {
          status: 404,
          headers: { "Content-Type": "application/json" },
        });
      }
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
          <BulletinsPage />
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

describe("BulletinsPage", () => {
  it("shows each unit's figures, score and rank under the merged headings", async () => {
    signIn(["read_reports", "prepare_reports"]);
    serve(bulletin());
    renderPage();
    const first = (await screen.findByText("锦华区教育局")).closest("tr") as HTMLElement;
    expect(within(first).getByText("82.50")).toBeInTheDocument();
    expect(screen.getByText("主动公开")).toBeInTheDocument();
    expect(screen.getByText("政务服务")).toBeInTheDocument();
    expect(screen.getAllByText("95.00%")).toHaveLength(2);
    expect(screen.getByRole("button", { name: "印 发" })).toBeEnabled();
  });

  it("says which figures are missing and does not offer to issue", async () => {
    signIn(["read_reports", "prepare_reports"]);
    serve(
      bulletin({
        can_issue: false,
        rows: [row(1, "锦华区人民政府", null, null, false)],
        missing_sources: [
          {
            source: "hall",
            source_label: "政务服务大厅",
            figures: ["大厅办件", "按时办结率", "满意率"],
            reason: "hall 服务暂时不可用",
          },
        ],
      }),
    );
    renderPage();
    expect(await screen.findByText("部分数字缺失，通报不能印发")).toBeInTheDocument();
    expect(screen.getByText(/政务服务大厅暂不可用/)).toBeInTheDocument();
    const line = screen.getByText("锦华区人民政府", { selector: "td" }).closest("tr") as HTMLElement;
    expect(within(line).getAllByText("缺失").length).toBeGreaterThanOrEqual(3);
    expect(screen.getByRole("button", { name: "印 发" })).toBeDisabled();
  });

  it("issues the month's bulletin", async () => {
    signIn(["read_reports", "prepare_reports"]);
    const posted = serve(bulletin());
    renderPage();
    fireEvent.click(await screen.findByRole("button", { name: "印 发" }));
    expect(await screen.findByText("考评通报已印发")).toBeInTheDocument();
    expect(posted.some((p) => p.endsWith("/issue"))).toBe(true);
  });

  it("offers a supervisor the figures and the files, not the office's steps", async () => {
    signIn(["read_reports"]);
    serve(bulletin());
    renderPage();
    expect(await screen.findByText("锦华区教育局")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "印 发" })).not.toBeInTheDocument();
    expect(screen.queryByText("考评权重")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "导出 Excel" })).toBeInTheDocument();
  });

  it("offers to draw up a month not yet drawn up", async () => {
    signIn(["read_reports", "prepare_reports"]);
    serve(null);
    renderPage();
    expect(await screen.findByText(/考评通报尚未编制/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "编制通报" })).toBeInTheDocument();
  });

  it("adds up the full marks of the weights", () => {
    expect(fullMarks(WEIGHTS)).toBe(100);
    expect(fullMarks({ ...WEIGHTS, volume: 25 })).toBe(115);
  });
});
