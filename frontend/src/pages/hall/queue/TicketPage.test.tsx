import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { queueKeys, type TicketTaken } from "../../../api/queries/hallQueue";
import { TicketPage } from "./TicketPage";

const CENTRE = { id: 1, name: "锦华区政务服务中心", address: "人民南路88号", hours: "9:00-17:30", phone: "" };

const TAKEN: TicketTaken = {
  ticket: {
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
  },
  centre_name: "锦华区政务服务中心",
  waiting_ahead: 4,
  estimated_wait_minutes: 12,
  window_numbers: [5, 6],
};

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("taking a ticket", () => {
  it("takes one for the item named in the address and shows the number, those ahead and the wait", async () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(async () => Response.json(TAKEN, { status: 201 }));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    client.setQueryData(queueKeys.centres(4), [CENTRE]);
    client.setQueryData(queueKeys.centre(1), {
      centre: CENTRE,
      items: [
        { id: 4, name: "户口迁移", window_numbers: [5, 6], waiting: 4, bookable: false },
        { id: 9, name: "不动产登记", window_numbers: [7], waiting: 0, bookable: true },
      ],
      windows: [],
    });
    client.setQueryData(queueKeys.ticket(31), TAKEN);
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={["/hall/ticket?item=4"]}>
          <TicketPage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(screen.queryByText("不动产登记")).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: /^取\s?号$/ }));
    await waitFor(() => expect(screen.getByLabelText("票号")).toHaveTextContent("A023"));
    expect(screen.getByText("4 人")).toBeInTheDocument();
    expect(screen.getByText("约 12 分钟")).toBeInTheDocument();
    const sent = (fetch.mock.calls[0]![0] as Request).clone();
    expect(await sent.json()).toEqual({ centre_id: 1, item_id: 4, priority: "none", priority_reason: "" });
  }, 15_000);
});
