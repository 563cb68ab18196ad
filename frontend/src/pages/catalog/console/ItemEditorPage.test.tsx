import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { columnKeys, itemKeys } from "../../../api/queries/catalog";
import { setSession } from "../../../auth/store";
import type { StaffItem } from "../../../lib/catalog";
import { staffItem as item } from "../../../testing/items";
import { clientWithVocabulary } from "../../../testing/vocabulary";
import { ItemEditorPage } from "./ItemEditorPage";

const PUBLISHER = ["work_in_console", "read_items", "write_items", "decide_proposals"] as const;

function signInAs(can: readonly (typeof PUBLISHER)[number][] | ["work_in_console", "read_items", "review_items"]) {
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
      can: [...can],
      reaches_subtree: false,
    },
  });
}

function renderNew(can: Parameters<typeof signInAs>[0]) {
  signInAs(can);
  const client = clientWithVocabulary();
  client.setQueryData(columnKeys.unit(3), []);
  client.setQueryData(itemKeys.list({ unit_id: 3, status: "published", page: 1, size: 100 }), {
    items: [],
    total: 0,
    page: 1,
    size: 100,
  });
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={["/console/items/new"]}>
          <Routes>
            <Route path="/console/items/new" element={<ItemEditorPage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

function renderEditor(shown: StaffItem, state?: { sanitiserNotes: string[] }) {
  signInAs(PUBLISHER);
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

  it("previews the item as the portal's page shows it, before it is saved", async () => {
    renderEditor(
      item({
        status: "draft",
        next_steps: ["edit"],
        title: "关于学位申请的说明",
        document_number: "锦教函〔2026〕8号",
        body_html: "<h2>一、申请范围</h2><table><tbody><tr><th><p>学校</p></th></tr></tbody></table>",
      }),
    );
    fireEvent.click((await found("预览"))!);
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByRole("heading", { level: 2, name: "关于学位申请的说明" })).toBeInTheDocument();
    expect(within(dialog).getByText("11510100MB0000001X/2026-00005")).toBeInTheDocument();
    expect(within(dialog).getAllByText("锦教函〔2026〕8号")).toHaveLength(2);
    expect(within(dialog).getByRole("heading", { name: "一、申请范围" }).tagName).toBe("H2");
    expect(dialog.querySelector(".item-body th")?.textContent).toBe("学校");
  });

  it("takes attachments on a new item, saying the first upload saves the draft", async () => {
    renderNew(PUBLISHER);
    expect(await found("保存草稿")).toBeInTheDocument();
    expect(screen.getByText("上传附件")).toBeInTheDocument();
    expect(screen.getByText(/上传第一个附件时会先保存草稿/)).toBeInTheDocument();
    expect(document.title).toBe("新建信息 - 阳光政务");
  });

  it("offers no new item to whom may not write one", async () => {
    renderNew(["work_in_console", "read_items", "review_items"]);
    expect(await screen.findByText("当前角色不能新建信息。")).toBeInTheDocument();
    expect(button("保存草稿")).toBeNull();
    expect(screen.queryByText("上传附件")).toBeNull();
  });

  it("warns of what the sanitiser removed when the item was saved", async () => {
    renderEditor(item({ status: "draft", next_steps: ["edit"] }), {
      sanitiserNotes: ["已移除外部图片：https://example.com/a.png"],
    });
    expect(await screen.findByText("已移除外部图片：https://example.com/a.png")).toBeInTheDocument();
  });
});
