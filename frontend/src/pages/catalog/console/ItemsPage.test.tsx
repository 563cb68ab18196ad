import { QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter, Route, Routes, useLocation } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { columnKeys, itemKeys } from "../../../api/queries/catalog";
import { unitKeys } from "../../../api/queries/units";
import { setSession } from "../../../auth/store";
import { staffItem } from "../../../testing/items";
import { clientWithVocabulary } from "../../../testing/vocabulary";
import { ItemsPage } from "./ItemsPage";

function Address() {
  const location = useLocation();
  return <output data-testid="address">{location.search}</output>;
}

function renderList(address: string) {
  setSession({
    accessToken: "a",
    refreshToken: "r",
    user: {
      id: 1,
      username: "publisher",
      display_name: "张丽",
      unit_id: 3,
      unit_name: "锦华区教育局",
      roles: ["publisher"],
      can: ["work_in_console", "read_items", "write_items"],
      reaches_subtree: false,
    },
  });
  const client = clientWithVocabulary();
  client.setQueryData(unitKeys.list(), []);
  client.setQueryData(columnKeys.template(), []);
  // The page asks for exactly what its address says.
  client.setQueryData(
    itemKeys.list({ page: 2, size: 20, q: "招生", status: "draft", document_type: "normative", formed_from: "2026-01-01" }),
    { items: [staffItem({ id: 7, title: "关于招生的通知", status: "draft" })], total: 21, page: 2, size: 20 },
  );
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[address]}>
          <Routes>
            <Route
              path="/console/items"
              element={
                <>
                  <ItemsPage />
                  <Address />
                </>
              }
            />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  setSession(null);
});

describe("ItemsPage", () => {
  it("lists what the address asks for and keeps each new filter in it", async () => {
    renderList("/console/items?q=%E6%8B%9B%E7%94%9F&status=draft&type=normative&from=2026-01-01&page=2");
    expect(await screen.findByRole("link", { name: "关于招生的通知" })).toHaveAttribute("href", "/console/items/7");
    expect(screen.getByText("共 21 条")).toBeInTheDocument();
    expect(screen.getByLabelText("标题、索引号或发文字号")).toHaveValue("招生");
    expect(screen.getByRole("heading", { level: 1, name: "信息发布" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /新建信息/ })).toHaveAttribute("href", "/console/items/new");

    // New words: back to the first page, the other filters kept.
    const search = screen.getByLabelText("标题、索引号或发文字号");
    fireEvent.change(search, { target: { value: " 学位 " } });
    await act(async () => fireEvent.keyDown(search, { key: "Enter", code: "Enter", keyCode: 13 }));
    expect(screen.getByTestId("address")).toHaveTextContent(
      "?q=%E5%AD%A6%E4%BD%8D&status=draft&type=normative&from=2026-01-01",
    );

    await act(async () => fireEvent.click(screen.getByText("清除筛选")));
    expect(screen.getByTestId("address")).toHaveTextContent(/^$/);
  });
});
