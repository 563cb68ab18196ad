import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { unitKeys } from "../api/queries/units";
import { setCareMode } from "../lib/careMode";
import { clientWithVocabulary } from "../testing/vocabulary";
import { PortalLayout } from "./PortalLayout";

const ROOT = {
  id: 1,
  name: "锦华区人民政府",
  credit_code: "11510199MB0000001C",
  type: "government",
  parent_id: null,
  sort_order: 0,
  closed: false,
  vertically_managed: false,
  office_address: "锦华区人民南路一段1号",
  office_phone: "028-86000000",
  office_hours: null,
};

function renderPortal(path = "/") {
  const client = clientWithVocabulary();
  client.setQueryData(unitKeys.list(), [ROOT]);
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/" element={<PortalLayout />}>
            <Route index element={<h1>首页内容</h1>} />
            <Route path="apply" element={<h1>依申请公开内容</h1>} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  setCareMode(false);
});

describe("PortalLayout", () => {
  it("has a skip link first, then the banner, the navigation, main and the footer", async () => {
    renderPortal();
    await userEvent.tab();
    expect(screen.getByRole("link", { name: "跳到主要内容" })).toHaveFocus();
    await userEvent.click(screen.getByRole("link", { name: "跳到主要内容" }));
    expect(screen.getByRole("main")).toHaveFocus();
    expect(screen.getByRole("banner")).toBeInTheDocument();
    const nav = screen.getAllByRole("navigation", { name: "网站导航" })[0]!;
    expect(within(nav).getByRole("link", { name: "首页" })).toHaveAttribute("aria-current", "page");
    expect(within(nav).getByRole("link", { name: "政府信息公开目录" })).toHaveAttribute("href", "/units/1");
    const footer = screen.getByRole("contentinfo");
    expect(footer).toHaveTextContent("主办单位：锦华区人民政府");
    expect(footer).toHaveTextContent("电话：028-86000000");
    expect(footer).not.toHaveTextContent("办公时间");
  });

  it("opens the navigation from the 菜单 button, and a page chosen there closes it", async () => {
    renderPortal();
    const button = screen.getByRole("button", { name: /菜单/ });
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(document.getElementById("portal-nav-narrow")).not.toBeVisible();
    await userEvent.click(button);
    expect(button).toHaveAttribute("aria-expanded", "true");
    const narrow = document.getElementById("portal-nav-narrow")!;
    expect(narrow).toBeVisible();
    await userEvent.click(within(narrow).getByRole("link", { name: "依申请公开" }));
    expect(await screen.findByRole("heading", { name: "依申请公开内容" })).toBeInTheDocument();
    expect(button).toHaveAttribute("aria-expanded", "false");
  });

  it("closes the navigation with Escape and gives the focus back to 菜单", async () => {
    renderPortal();
    const button = screen.getByRole("button", { name: /菜单/ });
    await userEvent.click(button);
    within(document.getElementById("portal-nav-narrow")!).getByRole("link", { name: "首页" }).focus();
    await userEvent.keyboard("{Escape}");
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(button).toHaveFocus();
  });

  it("switches 长辈版 on and off with a pressed toggle", async () => {
    renderPortal();
    const toggle = screen.getByRole("button", { name: "长辈版" });
    expect(toggle).toHaveAttribute("aria-pressed", "false");
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-pressed", "true");
    expect(document.documentElement).toHaveClass("care-mode");
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-pressed", "false");
    expect(document.documentElement).not.toHaveClass("care-mode");
  });

  it("links to the staff login", () => {
    renderPortal();
    expect(screen.getByRole("link", { name: "工作人员登录" })).toHaveAttribute("href", "/login");
  });
});
