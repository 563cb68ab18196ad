import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { hallItemKeys, type StaffItem } from "../../../api/queries/hallItems";
import { setSession } from "../../../auth/store";
import { clientWithHallVocabulary, staffItem } from "../guide/testing";
import { HallItemEditorPage } from "./HallItemEditorPage";

function renderEditor(shown: StaffItem) {
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
      can: ["work_in_console", "manage_hall", "serve_at_window"],
      reaches_subtree: true,
    },
  });
  const client = clientWithHallVocabulary();
  client.setQueryData(hallItemKeys.detail(shown.id), shown);
  client.setQueryData(hallItemKeys.versions(shown.id), []);
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[`/console/hall/items/${shown.id}`]}>
          <Routes>
            <Route path="/console/hall/items/:itemId" element={<HallItemEditorPage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

const button = (name: string | RegExp) => screen.queryByText(name)?.closest("button") ?? null;

afterEach(() => {
  cleanup();
  setSession(null);
});

// The whole editor (form, materials, versions) takes jsdom a few seconds to draw.
describe("HallItemEditorPage", { timeout: 20_000 }, () => {
  it("offers only retirement for a published item without changes", async () => {
    renderEditor(staffItem({ actions: ["retire"] }));

    expect(await screen.findByText("取消事项")).toBeInTheDocument();
    expect(button(/^发\s*布$/)).toBeNull();
    expect(screen.getByText("第 1 版（2026-03-02 09:00）")).toBeInTheDocument();
    expect(screen.queryByText(/有未发布的修改/)).toBeNull();
  });

  it("says the guide still shows the published version while changes wait", async () => {
    renderEditor(staffItem({ draft_pending: true, actions: ["publish", "retire"] }));

    expect(await screen.findByText("有未发布的修改：办事指南仍显示第 1 版，发布后显示修改后的内容")).toBeInTheDocument();
    expect(button(/^发\s*布$/)).toBeInTheDocument();
  });

  it("offers to restore a retired item by publishing it", async () => {
    renderEditor(staffItem({ status: "retired", actions: ["publish"] }));

    expect(await screen.findByText("恢复并发布")).toBeInTheDocument();
    expect(screen.queryByText("取消事项")).toBeNull();
    expect(screen.getByText("已取消")).toBeInTheDocument();
  });

  it("lists the materials with their forms", async () => {
    renderEditor(staffItem());

    expect(await screen.findByText("民办学校设立申请书")).toBeInTheDocument();
    expect(screen.getByText("空白表格：申请书.docx")).toBeInTheDocument();
    expect(screen.getByText("原件 · 1份 · 必需")).toBeInTheDocument();
  });
});
