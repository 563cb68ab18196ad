import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { hallItemKeys } from "../../../api/queries/hallItems";
import { GuideSearchPage } from "./GuideSearchPage";
import { clientWithHallVocabulary } from "./testing";

const FACETS = {
  categories: [{ value: "licensing", label: "行政许可", count: 1 }],
  hall_levels: [{ value: "street", label: "街道（乡镇）", count: 1 }],
  units: [{ value: "2", label: "东湖街道", count: 1 }],
};

function renderAt(address: string, query: object, items: object[]) {
  const client = clientWithHallVocabulary();
  client.setQueryData(hallItemKeys.facets(), FACETS);
  client.setQueryData(hallItemKeys.search(query), { items, total: items.length, page: 1, size: 20 });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[address]}>
        <Routes>
          <Route path="/hall/guide" element={<GuideSearchPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

afterEach(cleanup);

describe("GuideSearchPage", () => {
  it("searches with the keyword and filters of the address and links each item to its guide", async () => {
    renderAt("/hall/guide?q=居住证&level=street&unit=2", { page: 1, size: 20, q: "居住证", hall_level: "street", unit_id: 2 }, [
      {
        id: 9,
        code: "DH-001",
        name: "居住证申领",
        unit_id: 2,
        unit_name: "东湖街道",
        category: "public_service",
        hall_level: "street",
        kind: "instant",
        promised_limit_days: 0,
        fee_fen: 0,
        online: true,
      },
    ]);

    const link = await screen.findByText("居住证申领");
    expect(link.closest("a")).toHaveAttribute("href", "/hall/guide/9");
    expect(screen.getByText("共 1 项")).toBeInTheDocument();
    expect(screen.getByText("即办件")).toBeInTheDocument();
    expect(screen.getByText("承诺时限：当场办结")).toBeInTheDocument();
    expect(screen.getByText("收费：不收费")).toBeInTheDocument();
    expect(screen.getByText("可网上办理")).toBeInTheDocument();
    expect(screen.getByDisplayValue("居住证")).toBeInTheDocument();
  });

  it("says when nothing is found", async () => {
    renderAt("/hall/guide?q=护照", { page: 1, size: 20, q: "护照" }, []);

    expect(await screen.findByText("没有找到相关事项，换个关键词试试")).toBeInTheDocument();
  });
});
