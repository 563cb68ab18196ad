import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { piecesOf, ReadAloud, textOf } from "./ReadAloud";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  delete (window as { speechSynthesis?: unknown }).speechSynthesis;
});

describe("the text read aloud", () => {
  it("is the body's words without its markup", () => {
    expect(textOf("<p>第一条　为了<strong>规范</strong>管理。</p><table><tr><td>一</td></tr></table>")).toBe(
      "第一条 为了规范管理。一",
    );
  });

  it("is cut into sentences, none longer than a voice reads without stopping", () => {
    expect(piecesOf("第一句。第二句！第三句")).toEqual(["第一句。", "第二句！", "第三句"]);
    const long = "长".repeat(300);
    expect(piecesOf(long).map((p) => p.length)).toEqual([120, 120, 60]);
  });
});

describe("ReadAloud", () => {
  it("is absent where the browser cannot speak", () => {
    render(<ReadAloud title="标题" html="<p>正文</p>" />);
    expect(screen.queryByRole("button", { name: "朗读" })).not.toBeInTheDocument();
  });

  it("reads the title and the text in Mandarin and stops on request", async () => {
    const spoken: SpeechSynthesisUtterance[] = [];
    const synth = { speak: (u: SpeechSynthesisUtterance) => spoken.push(u), cancel: vi.fn() };
    Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
    vi.stubGlobal(
      "SpeechSynthesisUtterance",
      class {
        lang = "";
        rate = 1;
        onend: (() => void) | null = null;
        onerror: (() => void) | null = null;
        constructor(public text: string) {}
      },
    );
    render(<ReadAloud title="关于开展体检的通知" html="<p>请各单位参加。</p>" />);
    await userEvent.click(screen.getByRole("button", { name: "朗读" }));
    expect(spoken.map((u) => u.text)).toEqual(["关于开展体检的通知。", "请各单位参加。"]);
    expect(spoken.every((u) => u.lang === "zh-CN")).toBe(true);
    await userEvent.click(screen.getByRole("button", { name: "停止朗读" }));
    expect(synth.cancel).toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "朗读" })).toBeInTheDocument();
  });
});
