import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { hallItemKeys, type GuideItem } from "../../../api/queries/hallItems";
import { GuideItemPage } from "./GuideItemPage";
import { clientWithHallVocabulary, guideItem } from "./testing";

function renderPage(shown: GuideItem) {
  const client = clientWithHallVocabulary();
  client.setQueryData(hallItemKeys.guideItem(shown.id), shown);
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[`/hall/guide/${shown.id}`]}>
        <Routes>
          <Route path="/hall/guide/:itemId" element={<GuideItemPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

afterEach(cleanup);

describe("GuideItemPage", () => {
  it("shows the eight public fields, the limits and the fee", async () => {
    renderPage(guideItem({ fee_fen: 5000, fee_standard: "每件50元" }));

    expect(await screen.findByText("民办学校设立审批")).toBeInTheDocument();
    expect(screen.getByText("行政许可")).toBeInTheDocument();
    expect(screen.getByText("承诺件")).toBeInTheDocument();
    expect(screen.getByText("20个工作日")).toBeInTheDocument();
    expect(screen.getByText("10个工作日")).toBeInTheDocument();
    expect(screen.getByText("50.00元（每件50元）")).toBeInTheDocument();
    expect(screen.getByText("《中华人民共和国民办教育促进法》第十二条")).toBeInTheDocument();
    expect(screen.getByText("第 2 版，发布于 2026-03-02")).toBeInTheDocument();
  });

  it("offers each material's form for download and says where to go", async () => {
    renderPage(guideItem());

    const form = await screen.findByText(/空白表格：申请书\.docx/);
    expect(form.closest("a")).toHaveAttribute("href", "/api/hall/guide/files/21");
    expect(screen.getByText("锦华区政务服务中心 5号窗口（教育窗口）")).toBeInTheDocument();
    expect(screen.getByText("地址：锦华区人民南路88号")).toBeInTheDocument();
  });

  it("links 取号/预约 to the queue's ticket page for this item", async () => {
    renderPage(guideItem());

    const button = await screen.findByText("取号/预约");
    expect(button.closest("a")).toHaveAttribute("href", "/hall/ticket?item=7");
  });

  it("says an instant item is decided on the spot and when no window accepts it", async () => {
    renderPage(guideItem({ kind: "instant", legal_limit_days: 0, promised_limit_days: 0, places: [] }));

    expect(await screen.findAllByText("当场办结")).toHaveLength(2);
    expect(screen.getByText("暂无受理窗口信息，请致电咨询")).toBeInTheDocument();
  });
});
