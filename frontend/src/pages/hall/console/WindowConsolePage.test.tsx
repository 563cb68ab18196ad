import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { queueKeys, type Ticket } from "../../../api/queries/hallQueue";
import type { components } from "../../../api/schema";
import { WindowConsolePage } from "./WindowConsolePage";

type Console = components["schemas"]["HallConsoleOut"];
type Desk = components["schemas"]["HallDeskWindow"][];

function ticket(overrides: Partial<Ticket>): Ticket {
  return {
    id: 31,
    number: "A023",
    centre_id: 1,
    service_day: "2026-12-02",
    item_id: 4,
    item_name: "户口迁移",
    window_id: null,
    priority: "none",
    priority_reason: "",
    status: "waiting",
    taken_at: "2026-12-02T01:00:00Z",
    called_at: null,
    called_window_id: null,
    called_window_number: null,
    calls: 0,
    finished_at: null,
    case_number: "",
    ...overrides,
  };
}

const WINDOW = { id: 7, number: 5, name: "户籍窗口", ticket_prefix: "A", open: true, centre_id: 1, centre_name: "锦华区政务服务中心" };

function views(current: Ticket | null, queue: Ticket[]): { desk: Desk; shown: Console } {
  const desk: Desk = [{ ...WINDOW, waiting: queue.length, current }];
  const shown: Console = {
    window: desk[0]!,
    queue,
    transfer_to: [{ id: 8, number: 6, name: "不动产窗口", ticket_prefix: "B", open: true }],
  };
  return { desk, shown };
}

// antd writes a two-character button label with a space between the characters (重 呼).
const button = (label: string) => screen.getByRole("button", { name: new RegExp(label.split("").join("\\s?")) });

function renderConsole(current: Ticket | null, queue: Ticket[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const { desk, shown } = views(current, queue);
  client.setQueryData(queueKeys.desk(), desk);
  client.setQueryData(queueKeys.window(7), shown);
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter>
          <WindowConsolePage />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("the window console", () => {
  it("shows the queue with priority tickets marked and calls the next", async () => {
    const called = ticket({ status: "called", called_window_id: 7, calls: 1 });
    const after = views(called, []);
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(async (request) => {
      const url = new URL((request as Request).url);
      if (url.pathname.endsWith("/call-next")) return Response.json({ ticket: called, waiting: 1 });
      if (url.pathname.endsWith("/windows/7")) return Response.json(after.shown);
      return Response.json(after.desk);
    });
    renderConsole(null, [
      ticket({ id: 32, number: "A024", priority: "elderly", priority_reason: "80岁" }),
      ticket({}),
    ]);
    expect(screen.getByText("窗口空闲，等候 2 人")).toBeInTheDocument();
    expect(screen.getByText("老年人")).toBeInTheDocument();
    fireEvent.click(button("呼叫下一位"));
    await waitFor(() => expect(screen.getByText("已呼叫 A023")).toBeInTheDocument());
    const paths = fetch.mock.calls.map(([request]) => new URL((request as Request).url).pathname);
    expect(paths).toContain("/api/hall/queue/windows/7/call-next");
  }, 15_000);

  it("offers recall, no-show, transfer, acceptance and finish for the ticket at the window", () => {
    renderConsole(ticket({ status: "called", called_window_id: 7, calls: 2 }), []);
    expect(screen.getByText("A023")).toBeInTheDocument();
    for (const label of ["重呼", "过号", "转移", "办结"]) {
      expect(button(label)).toBeInTheDocument();
    }
    // Acceptance opens the new case's page: a link (drawn as a button), not a button inside one.
    expect(screen.getByRole("link", { name: "受理办件" })).toHaveAttribute(
      "href",
      "/console/hall/cases/new?ticket=31&window=7",
    );
  });
});
