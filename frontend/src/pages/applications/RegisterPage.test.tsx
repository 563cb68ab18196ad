import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setSession, type Can, type Me } from "../../auth/store";
import { clientWithVocabulary } from "../../testing/vocabulary";
import { RegisterPage } from "./RegisterPage";

function signIn(roles: Me["roles"], can: Can[]) {
  setSession({
    accessToken: "a",
    refreshToken: "r",
    user: {
      id: 8,
      username: "clerk",
      display_name: "赵静（政务大厅窗口）",
      unit_id: 27,
      unit_name: "锦华区政务服务管理局",
      roles,
      can,
      reaches_subtree: false,
    },
  });
}

beforeEach(() => {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response("[]", { headers: { "Content-Type": "application/json" } })),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setSession(null);
});

function renderPage() {
  render(
    <QueryClientProvider client={clientWithVocabulary()}>
      <App>
        <MemoryRouter>
          <RegisterPage />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

describe("RegisterPage", () => {
  it("lets a window of the service centre register only what is handed in at the hall", async () => {
    signIn(["window_clerk"], ["work_in_console", "register_applications"]);
    renderPage();
    expect(await screen.findByRole("heading", { level: 1, name: "政府信息公开申请登记" })).toBeInTheDocument();
    expect(document.title).toContain("政府信息公开申请登记");
    expect(screen.getByText(/政务服务中心窗口代各行政机关接收当面提交的申请/)).toBeInTheDocument();
    const channel = screen.getByRole("combobox", { name: "申请渠道" });
    expect(channel).toBeDisabled();
    expect(screen.getByTitle("当面提交")).toBeInTheDocument();
  });

  it("lets a handler register a letter, fax or e-mail too", async () => {
    signIn(["application_handler"], ["work_in_console", "read_applications", "handle_applications", "register_applications"]);
    renderPage();
    const channel = await screen.findByRole("combobox", { name: "申请渠道" });
    expect(channel).not.toBeDisabled();
    fireEvent.mouseDown(channel);
    for (const name of ["当面提交", "信函", "传真", "电子邮件"]) {
      expect((await screen.findAllByText(name)).length).toBeGreaterThan(0);
    }
    expect(screen.queryByText("网上申请")).not.toBeInTheDocument();
  });
});
