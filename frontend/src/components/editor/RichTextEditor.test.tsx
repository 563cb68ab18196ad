import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "antd";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { RichTextEditor } from "./RichTextEditor";

// ProseMirror scrolls the selection into view, measuring with what jsdom does not draw.
beforeAll(() => {
  const none = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  const rect = () => new DOMRect(0, 0, 0, 0);
  for (const proto of [Range.prototype, Element.prototype]) {
    proto.getClientRects ??= none;
    proto.getBoundingClientRect ??= rect;
  }
  document.elementFromPoint ??= () => null;
});
afterEach(cleanup);

function renderEditor(value: string, disabled = false) {
  const onChange = vi.fn();
  render(
    <App>
      <RichTextEditor label="正文" value={value} onChange={onChange} disabled={disabled} />
    </App>,
  );
  return onChange;
}

const tool = (name: string) => screen.getByRole("button", { name });
const lastHtml = (onChange: ReturnType<typeof vi.fn>) => onChange.mock.calls.at(-1)?.[0] as string;

describe("RichTextEditor", () => {
  it("offers every tool as a labelled button in one toolbar", () => {
    renderEditor("<p>通知</p>");
    expect(screen.getByRole("toolbar", { name: "正文格式" })).toBeInTheDocument();
    for (const name of [
      "撤销",
      "重做",
      "正文",
      "二级标题",
      "三级标题",
      "四级标题",
      "加粗",
      "倾斜",
      "编号列表",
      "项目符号列表",
      "插入链接",
      "取消链接",
      "插入图片",
      "插入表格",
    ]) {
      expect(tool(name)).toBeInTheDocument();
    }
    // Row and column tools only inside a table.
    expect(screen.queryByRole("button", { name: "插入行" })).toBeNull();
    expect(screen.getByRole("textbox", { name: "正文" })).toHaveAttribute("contenteditable", "true");
  });

  it("turns the paragraph into a heading, a list, and adds a table with rows and columns", async () => {
    const onChange = renderEditor("<p>招生范围</p>");
    fireEvent.click(tool("二级标题"));
    await waitFor(() => expect(lastHtml(onChange)).toBe("<h2>招生范围</h2>"));
    expect(tool("二级标题")).toHaveAttribute("aria-pressed", "true");
    fireEvent.click(tool("正文"));
    await waitFor(() => expect(lastHtml(onChange)).toBe("<p>招生范围</p>"));
    fireEvent.click(tool("项目符号列表"));
    await waitFor(() => expect(lastHtml(onChange)).toBe("<ul><li><p>招生范围</p></li></ul>"));
    fireEvent.click(tool("项目符号列表"));
    await waitFor(() => expect(lastHtml(onChange)).toBe("<p>招生范围</p>"));

    fireEvent.click(tool("插入表格"));
    await waitFor(() => expect(lastHtml(onChange)).toContain("<table"));
    expect((lastHtml(onChange).match(/<tr>/g) ?? []).length).toBe(3);
    fireEvent.click(await screen.findByRole("button", { name: "插入行" }));
    fireEvent.click(tool("插入列"));
    await waitFor(() => expect((lastHtml(onChange).match(/<tr>/g) ?? []).length).toBe(4));
    expect((lastHtml(onChange).match(/<th/g) ?? []).length).toBe(4);
    fireEvent.click(tool("删除表格"));
    await waitFor(() => expect(lastHtml(onChange)).not.toContain("<table"));
  });

  it("asks for a link's address and refuses a script", async () => {
    const onChange = renderEditor("");
    fireEvent.click(tool("插入链接"));
    const dialog = await screen.findByRole("dialog", { name: "插入链接" });
    fireEvent.change(screen.getByLabelText("链接地址"), { target: { value: "javascript:alert(1)" } });
    fireEvent.change(screen.getByLabelText("链接文字"), { target: { value: "中国政府网" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /确\s*定/ })));
    expect(await screen.findByText("只能链接到 http、https 网址或电子邮箱（mailto）")).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("链接地址"), { target: { value: "www.gov.cn" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /确\s*定/ })));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(lastHtml(onChange)).toBe('<p><a href="https://www.gov.cn">中国政府网</a></p>');
  });

  it("shows the body without tools when it may not be changed", () => {
    renderEditor("<h2>已发布</h2>", true);
    expect(screen.queryByRole("toolbar")).toBeNull();
    expect(screen.getByRole("textbox", { name: "正文" })).toHaveAttribute("contenteditable", "false");
    expect(screen.getByRole("heading", { level: 2, name: "已发布" })).toBeInTheDocument();
  });
});
