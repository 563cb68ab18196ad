import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { columnKeys, itemKeys } from "../../../api/queries/catalog";
import { setSession } from "../../../auth/store";
import type { StaffItem } from "../../../lib/catalog";
import { staffItem as item } from "../../../testing/items";
import { clientWithVocabulary } from "../../../testing/vocabulary";
import { ItemEditorPage } from "./ItemEditorPage";

function renderEditor(shown: StaffItem, state?: { sanitiserNotes: string[] }) {
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
      can: ["work_in_console", "read_items", "write_items", "decide_proposals"],
      reaches_subtree: false,
    },
  });
  const client = clientWithVocabulary();
  client.setQueryData(itemKeys.detail(shown.id), shown);
  client.setQueryData(itemKeys.history(shown.id), []);
  client.setQueryData(itemKeys.attachments(shown.id), []);
  client.setQueryData(columnKeys.unit(shown.unit_id), []);
  client.setQueryData(itemKeys.list({ unit_id: shown.unit_id, status: "published", page: 1, size: 100 }), {
    items: [],
    total: 0,
    page: 1,
    size: 100,
  });
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[{ pathname: `/console/items/${shown.id}`, state }]}>
          <Routes>
            <Route path="/console/items/:itemId" element={<ItemEditorPage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

// Buttons by their text: role queries over the whole editor are too slow for jsdom.
const button = (name: string | RegExp) => screen.queryByText(name)?.closest("button") ?? null;
const found = async (name: string | RegExp) => (await screen.findByText(name)).closest("button");

afterEach(() => {
  cleanup();
  setSession(null);
});

describe("ItemEditorPage", () => {
  it("lets the author change, submit and delete a draft when its next steps say so", async () => {
    renderEditor(item({ status: "draft", next_steps: ["edit", "delete", "submit", "attachments"] }));
    expect(await found(/^保\s*存$/)).toBeInTheDocument();
    expect(button("提交审查")).toBeInTheDocument();
    expect(button("删除草稿")).toBeInTheDocument();
    expect(screen.getByText("上传附件")).toBeInTheDocument();
    expect(screen.getByLabelText("标题")).toBeEnabled();
    expect(button(/^撤\s*回$/)).toBeNull();
  });

  it("is read-only for a published item, offering withdrawal and the change of validity", async () => {
    renderEditor(item({ status: "published", next_steps: ["withdraw", "change-validity"] }));
    expect(await found(/^撤\s*回$/)).toBeInTheDocument();
    expect(button("变更效力")).toBeInTheDocument();
    expect(screen.getByText("已发布的信息不能直接修改；如需更正，请先撤回")).toBeInTheDocument();
    expect(screen.getByLabelText("标题")).toBeDisabled();
    expect(button(/^保\s*存$/)).toBeNull();
    expect(button("提交审查")).toBeNull();
    expect(screen.queryByText("上传附件")).toBeNull();
  });

  it("offers nothing on an item waiting for review by someone else", async () => {
    renderEditor(item({ status: "submitted", next_steps: [] }));
    expect(await screen.findByText("已提交审查，审查完成前不能修改")).toBeInTheDocument();
    for (const name of [/^保\s*存$/, "提交审查", "删除草稿", /^撤\s*回$/, "变更效力", /^审\s*查$/]) {
      expect(button(name)).toBeNull();
    }
  });

  it("warns of what the sanitiser removed when the item was saved", async () => {
    renderEditor(item({ status: "draft", next_steps: ["edit"] }), {
      sanitiserNotes: ["已移除外部图片：https://example.com/a.png"],
    });
    expect(await screen.findByText("已移除外部图片：https://example.com/a.png")).toBeInTheDocument();
  });
});
