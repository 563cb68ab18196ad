import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { hallItemKeys } from "../../../api/queries/hallItems";
import { hallWindowKeys, type CentreDetail, type WindowOut } from "../../../api/queries/hallWindows";
import { unitKeys } from "../../../api/queries/units";
import { clientWithHallVocabulary } from "../guide/testing";
import { CentrePage } from "./CentrePage";

function window(overrides: Partial<WindowOut>): WindowOut {
  return {
    id: 5,
    centre_id: 1,
    number: 1,
    name: "综合受理窗口",
    kind: "comprehensive",
    ticket_prefix: "A",
    open: true,
    units: [],
    staff: [{ account: "clerk", display_name: "李娜", unit_id: null }],
    items: [{ id: 7, code: "JY-XK-0001", name: "民办学校设立审批", unit_id: 3, status: "published" }],
    ...overrides,
  };
}

function renderCentre(windows: WindowOut[]) {
  const centre: CentreDetail = {
    id: 1,
    unit_id: 1,
    unit_name: "锦华区人民政府",
    level: "district",
    name: "锦华区政务服务中心",
    address: "锦华区人民南路88号",
    hours: "",
    phone: "",
    window_count: windows.length,
    created_at: "2026-03-02T01:00:00Z",
    windows,
  };
  const client = clientWithHallVocabulary();
  client.setQueryData(hallWindowKeys.centre(1), centre);
  client.setQueryData(unitKeys.list(), []);
  client.setQueryData(hallItemKeys.list({ page: 1, size: 50 }), { items: [], total: 0, page: 1, size: 50 });
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={["/console/hall/centres/1"]}>
          <Routes>
            <Route path="/console/hall/centres/:centreId" element={<CentrePage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

afterEach(cleanup);

describe("CentrePage", { timeout: 20_000 }, () => {
  it("shows each window with the rule of the items it may accept", async () => {
    renderCentre([window({}), window({ id: 6, number: 2, name: "教育窗口", kind: "unit", open: false })]);

    expect(await screen.findByText("综合窗口：可受理各单位的事项（一窗受理）")).toBeInTheDocument();
    expect(screen.getByText("窗口（2）")).toBeInTheDocument();
    // The windows are chosen from a list (a centre has dozens), the closed one marked.
    fireEvent.mouseDown(screen.getByRole("combobox", { name: "选择窗口" }));
    expect(await screen.findByText("2号 教育窗口（关闭）")).toBeInTheDocument();
    expect(screen.getByDisplayValue("clerk")).toBeInTheDocument();
    expect(screen.getByDisplayValue("李娜")).toBeInTheDocument();
    expect(screen.getByText("民办学校设立审批（JY-XK-0001）")).toBeInTheDocument();
  });
});
