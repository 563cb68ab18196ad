import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { setSession, type Me } from "../auth/store";
import { clientWithVocabulary } from "../testing/vocabulary";
import { ConsoleLayout } from "./ConsoleLayout";

function signIn(user: Partial<Me>) {
  setSession({
    accessToken: "a",
    refreshToken: "r",
    user: {
      id: 1,
      username: "u",
      display_name: "王敏",
      unit_id: 1,
      unit_name: "锦华区人民政府",
      roles: [],
      can: [],
      reaches_subtree: false,
      ...user,
    },
  });
}

function renderConsole() {
  render(
    <QueryClientProvider client={clientWithVocabulary()}>
      <MemoryRouter initialEntries={["/console"]}>
        <Routes>
          <Route path="/console" element={<ConsoleLayout />}>
            <Route index element={<p>概览内容</p>} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

// Unmounted before the session ends, so that signing out does not redraw a finished test.
afterEach(() => {
  cleanup();
  setSession(null);
});

describe("ConsoleLayout", () => {
  it("shows the office its unit, role (in the gateway's words) and the pages its work includes", async () => {
    signIn({ roles: ["office"], can: ["work_in_console", "read_items", "read_units", "manage_units", "read_audit"] });
    renderConsole();
    const nav = screen.getByRole("navigation", { name: "工作台导航" });
    expect(within(nav).getByRole("link", { name: "单位管理" })).toHaveAttribute("href", "/console/units");
    expect(within(nav).queryByText("消息投递")).not.toBeInTheDocument();
    expect(await screen.findByText("政务公开办")).toBeInTheDocument();
    expect(screen.getByText("概览内容")).toBeInTheDocument();
  });

  it("hides unit management from a publisher", async () => {
    signIn({ roles: ["publisher"], can: ["work_in_console", "read_items", "write_items"], unit_name: "锦华区教育局" });
    renderConsole();
    const nav = screen.getByRole("navigation", { name: "工作台导航" });
    expect(within(nav).queryByText("单位管理")).not.toBeInTheDocument();
    expect(within(nav).getByText("信息发布")).toBeInTheDocument();
    expect(await screen.findByText("锦华区教育局")).toBeInTheDocument();
  });

  it("offers the API docs to the office and the ops admin, not to a clerk or a publisher", () => {
    signIn({ roles: ["office"], can: ["work_in_console", "read_units", "manage_units"] });
    renderConsole();
    expect(screen.getByRole("link", { name: /接口文档/ })).toHaveAttribute("href", "/docs");
    cleanup();
    signIn({ roles: ["ops_admin"], can: ["work_in_console", "manage_accounts", "operate_delivery"] });
    renderConsole();
    expect(screen.getByRole("link", { name: /接口文档/ })).toBeInTheDocument();
    cleanup();
    signIn({ roles: ["window_clerk"], can: ["work_in_console", "serve_at_window", "read_cases"] });
    renderConsole();
    expect(screen.queryByRole("link", { name: /接口文档/ })).not.toBeInTheDocument();
    cleanup();
    signIn({ roles: ["publisher"], can: ["work_in_console", "read_items", "write_items"] });
    renderConsole();
    expect(screen.queryByRole("link", { name: /接口文档/ })).not.toBeInTheDocument();
  });

  it("starts with a skip link to the page's main content", async () => {
    signIn({ roles: ["publisher"], can: ["work_in_console"] });
    renderConsole();
    await userEvent.tab();
    const skip = screen.getByRole("link", { name: "跳到主要内容" });
    expect(skip).toHaveFocus();
    await userEvent.click(skip);
    expect(screen.getByRole("main")).toHaveFocus();
    expect(screen.getByRole("main")).toHaveTextContent("概览内容");
  });

  it("opens the pages in a drawer from the 菜单 button (phones)", async () => {
    signIn({ roles: ["publisher"], can: ["work_in_console", "read_items"] });
    renderConsole();
    const button = screen.getByRole("button", { name: "菜单" });
    expect(button).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(button);
    expect(button).toHaveAttribute("aria-expanded", "true");
    const drawer = await screen.findByRole("dialog");
    expect(within(drawer).getByRole("link", { name: "信息发布" })).toHaveAttribute("href", "/console/items");
  });

  it("opens the change of password from the user's menu", async () => {
    signIn({ roles: ["publisher"], can: ["work_in_console"] });
    renderConsole();
    await userEvent.click(screen.getByRole("button", { name: /王敏/ }));
    await userEvent.click(await screen.findByText("修改密码"));
    expect(await screen.findByLabelText("原密码")).toBeInTheDocument();
    expect(screen.getByLabelText("确认新密码")).toBeInTheDocument();
  });
});
