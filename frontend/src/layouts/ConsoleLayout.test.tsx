import { render, screen, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { setSession, type Me } from "../auth/store";
import { ConsoleLayout } from "./ConsoleLayout";

function signIn(user: Partial<Me>) {
  setSession({
    accessToken: "a",
    refreshToken: "r",
    user: { id: 1, username: "u", display_name: "王敏", unit_id: 1, unit_name: "锦华区人民政府", roles: [], ...user },
  });
}

function renderConsole() {
  render(
    <MemoryRouter initialEntries={["/console"]}>
      <Routes>
        <Route path="/console" element={<ConsoleLayout />}>
          <Route index element={<p>概览内容</p>} />
        </Route>
      </Routes>
    </MemoryRouter>,
  );
}

afterEach(() => setSession(null));

describe("ConsoleLayout", () => {
  it("shows the office its unit, role and the pages it may use", () => {
    signIn({ roles: ["office"] });
    renderConsole();
    const nav = screen.getByRole("menu", { name: "工作台导航" });
    expect(within(nav).getByText("单位管理")).toBeInTheDocument();
    expect(within(nav).queryByText("消息投递")).not.toBeInTheDocument();
    expect(screen.getByText("政务公开办")).toBeInTheDocument();
    expect(screen.getByText("概览内容")).toBeInTheDocument();
  });

  it("hides unit management from a publisher", () => {
    signIn({ roles: ["publisher"], unit_name: "锦华区教育局" });
    renderConsole();
    const nav = screen.getByRole("menu", { name: "工作台导航" });
    expect(within(nav).queryByText("单位管理")).not.toBeInTheDocument();
    expect(screen.getByText("锦华区教育局")).toBeInTheDocument();
  });
});
