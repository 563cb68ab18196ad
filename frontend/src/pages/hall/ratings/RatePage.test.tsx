import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { clientWithVocabulary } from "../../../testing/vocabulary";
import { RatePage } from "./RatePage";

const CASE = {
  number: "BJ2026000123",
  item_name: "民办学校设立审批",
  unit_name: "锦华区教育局",
  completed_on: "2026-11-20",
  rated: false,
  level: null,
};

/** The hall as the page sees it: the lookup answers `found`, a rating answers with its level. */
function hall(found: object = CASE) {
  const sent: { path: string; body: Record<string, unknown> }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      const body = (await request.json()) as Record<string, unknown>;
      sent.push({ path, body });
      const labels = ["", "非常满意", "满意", "基本满意", "不满意", "非常不满意"];
      const json =
        path === "/api/hall/ratings/lookup"
          ? found
          : { id: 1, case_id: 9, level: body.level, level_label: labels[Number(body.level)], channel: "public_page", comment: body.comment, rated_at: "2026-11-20T03:00:00Z", follow_up_id: Number(body.level) >= 4 ? 4 : null };
      return new Response(JSON.stringify(json), {
        status: path === "/api/hall/ratings" ? 201 : 200,
        headers: { "Content-Type": "application/json" },
      });
    }),
  );
  return sent;
}

function renderPage() {
  render(
    <QueryClientProvider client={clientWithVocabulary()}>
      <App>
        <MemoryRouter initialEntries={["/hall/rate?number=BJ2026000123"]}>
          <RatePage />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

async function findCase() {
  fireEvent.change(screen.getByLabelText("查询码"), { target: { value: "Q7K2M9AB" } });
  fireEvent.click(screen.getByRole("button", { name: "查找办件" }));
  await screen.findByText("民办学校设立审批");
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("RatePage", () => {
  it("finds the case by number and code and sends the level chosen with the comment", async () => {
    const sent = hall();
    renderPage();
    await findCase();
    expect(screen.getAllByRole("radio").map((b) => b.textContent?.replace(/\s/g, ""))).toEqual([
      "非常满意",
      "满意",
      "基本满意",
      "不满意",
      "非常不满意",
    ]);
    const submit = screen.getByRole("button", { name: "提交评价" });
    expect(submit).toBeDisabled();
    fireEvent.click(screen.getByRole("radio", { name: /^非常不满意$/ }));
    fireEvent.change(screen.getByLabelText("评价意见"), { target: { value: "等了两个小时" } });
    fireEvent.click(submit);
    await screen.findByText("感谢您的评价");
    expect(screen.getByText(/已转交办理单位回访整改/)).toBeInTheDocument();
    expect(sent.at(-1)).toEqual({
      path: "/api/hall/ratings",
      body: { number: "BJ2026000123", code: "Q7K2M9AB", level: 5, comment: "等了两个小时" },
    });
  });

  it("says a case already rated cannot be rated again", async () => {
    hall({ ...CASE, rated: true, level: 2 });
    renderPage();
    await findCase();
    await waitFor(() => expect(screen.getByText("该办件已评价（满意），每件只能评价一次。")).toBeInTheDocument());
    expect(screen.queryByRole("button", { name: "提交评价" })).not.toBeInTheDocument();
  });
});
