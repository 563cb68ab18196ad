import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { App } from "antd";
import dayjs from "dayjs";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { caseKeys } from "../../../api/queries/hallCases";
import { parseEvents, supervisionKeys, type Rates } from "../../../api/queries/hallSupervision";
import { SupervisionPage } from "./SupervisionPage";

vi.mock("./RatesChart", () => ({ RatesChart: () => <div>办结率图表</div> }));
vi.mock("../../../api/queries/hallSupervision", async (original) => ({
  ...(await original<typeof import("../../../api/queries/hallSupervision")>()),
  useLiveAlerts: () => ({
    connected: true,
    alerts: [
      {
        alert_id: 9,
        case_id: 41,
        number: "BJ2026000041",
        level: "red",
        unit_id: 3,
        clerk: "clerk",
        promised_due_on: "2026-09-23",
        raised_on: "2026-09-24",
      },
    ],
  }),
}));

const row = (key: string, label: string, completed: number, onTime: number) => ({
  key,
  label,
  completed,
  on_time: onTime,
  early: 0,
  on_the_spot: 0,
  on_time_rate: onTime / completed,
  early_rate: 0,
  on_the_spot_rate: 0,
});

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const month = dayjs().format("YYYY-MM");
  const rates: Rates = {
    month,
    by: "unit",
    rows: [row("3", "锦华区教育局", 8, 6)],
    total: row("total", "合计", 8, 6),
  };
  client.setQueryData(supervisionKeys.rates(month, "unit"), rates);
  client.setQueryData(supervisionKeys.summary(), { open_cases: 12, yellow: 2, red: 1, unhandled_alerts: 1 });
  client.setQueryData(supervisionKeys.alerts(true, 1), { items: [], total: 0, page: 1, size: 10 });
  for (const warning of ["red", "yellow"] as const) {
    client.setQueryData(caseKeys.list({ page: 1, size: 5, open: true, warning }), {
      items:
        warning === "red"
          ? [
              {
                id: 41,
                number: "BJ2026000041",
                item_id: 5,
                item_name: "民办学校设立审批",
                unit_id: 3,
                window_id: 2,
                clerk: "clerk",
                applicant_name: "张建国",
                status: "accepted",
                status_label: "已受理，办理中",
                green_channel: false,
                accepted_on: "2026-09-10",
                promised_due_on: "2026-09-23",
                legal_due_on: "2026-10-12",
                warning: "red",
                completed_on: null,
              },
            ]
          : [],
      total: warning === "red" ? 1 : 0,
      page: 1,
      size: 5,
    });
  }
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter>
          <SupervisionPage />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

afterEach(cleanup);

describe("SupervisionPage", () => {
  it("shows the counts, the red cases, the live alerts and the rates", { timeout: 30_000 }, async () => {
    renderPage();
    expect(await screen.findByText("12")).toBeInTheDocument();
    // In the red list and among the alerts just pushed.
    expect(screen.getAllByRole("link", { name: "BJ2026000041" })).toHaveLength(2);
    expect(screen.getByText("刚刚推送")).toBeInTheDocument();
    expect(screen.getByText("实时")).toBeInTheDocument();
    expect(screen.getByText("办结率图表")).toBeInTheDocument();
    expect(screen.getAllByText("75.0%")).toHaveLength(2); // the unit and the total
  });
});

describe("parseEvents", () => {
  it("reads whole events and keeps the unfinished one", () => {
    const { events, rest } = parseEvents('event: ready\ndata: {}\n\n: ping\n\nevent: alert\ndata: {"alert_id": 1}\n\nevent: al');
    expect(events).toEqual([
      { event: "ready", data: "{}" },
      { event: "alert", data: '{"alert_id": 1}' },
    ]);
    expect(rest).toBe("event: al");
  });
});
