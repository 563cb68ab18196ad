import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { storeTabletKey } from "../../../api/queries/hallRatings";
import { clientWithVocabulary } from "../../../testing/vocabulary";
import { TabletPage } from "./TabletPage";

const INVITATION = {
  id: 31,
  window_id: 5,
  window_label: "锦华区政务服务中心 1号窗口（综合受理窗口）",
  case_number: "BJ2026000123",
  item_name: "食品经营许可",
  clerk_name: "赵静",
  expires_at: "2026-11-20T03:10:00Z",
};

function renderTablet() {
  render(
    <QueryClientProvider client={clientWithVocabulary()}>
      <App>
        <MemoryRouter initialEntries={["/hall/rate/window/5"]}>
          <Routes>
            <Route path="/hall/rate/window/:windowId" element={<TabletPage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe("TabletPage", () => {
  it("asks for pairing when this device holds no key", async () => {
    renderTablet();
    expect(await screen.findByText("评价器尚未配对")).toBeInTheDocument();
  });

  it("shows the case just completed and sends the level with the tablet's key", async () => {
    storeTabletKey(5, "tablet-key-123");
    const sent: { path: string; key: string | null; body: unknown }[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (request: Request) => {
        const path = new URL(request.url).pathname;
        const body = request.method === "POST" ? await request.json() : null;
        sent.push({ path, key: request.headers.get("x-tablet-key"), body });
        const json = request.method === "POST" ? { id: 1, case_id: 9, level: 1, level_label: "非常满意", channel: "window_tablet", comment: "", rated_at: "2026-11-20T03:01:00Z", follow_up_id: null } : INVITATION;
        return new Response(JSON.stringify(json), { status: request.method === "POST" ? 201 : 200, headers: { "Content-Type": "application/json" } });
      }),
    );
    renderTablet();
    expect(await screen.findByText("食品经营许可（办件编号 BJ2026000123）")).toBeInTheDocument();
    expect(screen.getByText(/工作人员 赵静/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("radio", { name: /^非常满意$/ }));
    expect(await screen.findByText("感谢您的评价！")).toBeInTheDocument();
    expect(sent.find((call) => call.body !== null)).toEqual({
      path: "/api/hall/ratings/tablets/5/ratings",
      key: "tablet-key-123",
      body: { invitation_id: 31, level: 1, comment: "" },
    });
    expect(sent[0]).toMatchObject({ path: "/api/hall/ratings/tablets/5/invitation", key: "tablet-key-123" });
  }, 20_000);
});
