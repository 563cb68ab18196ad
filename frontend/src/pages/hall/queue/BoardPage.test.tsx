import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { applyBoardEvent, type BoardState } from "../../../api/queries/hallQueue";
import { BoardPage } from "./BoardPage";

const STATE: BoardState = {
  centre_id: 1,
  centre_name: "锦华区政务服务中心",
  windows: [
    { number: 5, name: "户籍窗口", current: null, called_at: null },
    { number: 6, name: "不动产窗口", current: "B002", called_at: "2026-12-02T01:00:00Z" },
  ],
  recent: [{ number: "B002", window_number: 6, window_name: "不动产窗口", called_at: "2026-12-02T01:00:00Z" }],
  waiting: { A: 3, B: 1 },
};

// The browser's EventSource, driven by the test: it keeps the listeners the page adds.
class FakeEventSource {
  static last: FakeEventSource | null = null;
  url: string;
  onerror: (() => void) | null = null;
  listeners: Record<string, ((message: MessageEvent<string>) => void)[]> = {};
  closed = false;
  constructor(url: string) {
    this.url = url;
    FakeEventSource.last = this;
  }
  addEventListener(kind: string, listener: (message: MessageEvent<string>) => void) {
    (this.listeners[kind] ??= []).push(listener);
  }
  emit(kind: string, data: unknown) {
    for (const listener of this.listeners[kind] ?? []) {
      listener(new MessageEvent(kind, { data: JSON.stringify(data) }));
    }
  }
  close() {
    this.closed = true;
  }
}

const spoken: { text: string; lang: string }[] = [];

beforeEach(() => {
  spoken.length = 0;
  vi.stubGlobal("EventSource", FakeEventSource);
  vi.stubGlobal(
    "SpeechSynthesisUtterance",
    class {
      lang = "";
      rate = 1;
      constructor(public text: string) {}
    },
  );
  vi.stubGlobal("speechSynthesis", { speak: (u: { text: string; lang: string }) => spoken.push(u) });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderBoard() {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={["/hall/board/1"]}>
        <Routes>
          <Route path="/hall/board/:centreId" element={<BoardPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("the hall board", () => {
  it("shows the state, then each call, and announces it aloud in Mandarin", () => {
    renderBoard();
    const source = FakeEventSource.last!;
    expect(source.url).toBe("/api/hall/live/board/1");
    act(() => source.emit("state", STATE));
    expect(screen.getByText("锦华区政务服务中心 · 叫号信息")).toBeInTheDocument();
    expect(screen.getByTestId("window-6")).toHaveTextContent("B002");
    expect(screen.getByText("3")).toBeInTheDocument();

    act(() =>
      source.emit("call", {
        number: "A023",
        window_number: 5,
        window_name: "户籍窗口",
        called_at: "2026-12-02T01:05:00Z",
        recall: false,
        waiting: { A: 2, B: 1 },
      }),
    );
    expect(screen.getByTestId("window-5")).toHaveTextContent("A023");
    expect(screen.getByRole("status")).toHaveTextContent("请 A023 号到 5 号窗口办理");
    expect(spoken.map((u) => [u.text, u.lang])).toEqual([
      ["请 A023 号到 5 号窗口办理", "zh-CN"],
      ["请 A023 号到 5 号窗口办理", "zh-CN"],
    ]);
    expect(screen.getByText("2")).toBeInTheDocument();
  });

  it("tells the hall when the line dropped, and closes it when the page goes", () => {
    const { unmount } = renderBoard();
    const source = FakeEventSource.last!;
    act(() => source.emit("state", STATE));
    act(() => source.onerror?.());
    expect(screen.getByText("连接中断，正在重新连接…")).toBeInTheDocument();
    act(() => source.emit("state", STATE));
    expect(screen.queryByText("连接中断，正在重新连接…")).not.toBeInTheDocument();
    unmount();
    expect(source.closed).toBe(true);
  });
});

describe("applyBoardEvent", () => {
  it("frees a window and keeps the latest calls first, once each", () => {
    const freed = applyBoardEvent(STATE, "free", { window_number: 6, waiting: { A: 3 } });
    expect(freed.windows.find((w) => w.number === 6)?.current).toBeNull();
    expect(freed.waiting).toEqual({ A: 3 });
    const recalled = applyBoardEvent(STATE, "call", {
      number: "B002",
      window_number: 6,
      called_at: "2026-12-02T01:09:00Z",
      recall: true,
      waiting: { A: 3 },
    });
    expect(recalled.recent.map((c) => c.number)).toEqual(["B002"]);
    expect(recalled.recent[0]?.called_at).toBe("2026-12-02T01:09:00Z");
  });
});
