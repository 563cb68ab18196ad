import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import { App } from "antd";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Unit } from "../../lib/units";
import { clientWithVocabulary } from "../../testing/vocabulary";
import { GuidePage } from "./GuidePage";
import { HomePage } from "./HomePage";
import { UnitCataloguePage } from "./UnitCataloguePage";

const office = {
  office_address: "锦华区锦华大道二段88号区行政中心1号楼6层",
  office_phone: "028-84310068",
  office_hours: "工作日 9:00–12:00，13:30–17:30",
  postal_address: "蓉州市锦华区锦华大道二段88号",
  postal_code: "610066",
  office_email: "zwgk004@jinhua.gov.cn",
};
const district: Unit = {
  id: 1,
  name: "锦华区人民政府",
  credit_code: "11510199MB0000001X",
  type: "government",
  parent_id: null,
  sort_order: 1,
  closed: false,
  vertically_managed: false,
  reconsideration_body: null,
  ...office,
};
const bureau: Unit = { ...district, id: 4, name: "锦华区教育局", type: "department", parent_id: 1 };
const street: Unit = { ...district, id: 33, name: "东湖街道", type: "street", parent_id: 1, office_email: null };

function item(id: number, title: string, unit_id = 4) {
  return {
    id,
    index_number: `11510199MB0000004X/2026-${String(id).padStart(5, "0")}`,
    title,
    unit_id,
    column_id: 41,
    document_number: "",
    document_type: "other",
    formed_on: "2026-11-02",
    published_at: "2026-11-20T02:00:00Z",
    validity: "valid",
    status: "published",
  };
}
const page = (items: unknown[]) => ({ items, total: items.length, page: 1, size: 20 });
const column = (id: number, code: string, name: string, item_count: number, children: unknown[] = []) => ({
  id,
  code,
  name,
  article20_item: null,
  retention_years: null,
  hidden_for_unit_types: [],
  item_count,
  children,
});
const TREE = [
  column(40, "A20-11", "扶贫、教育、医疗、社会保障、促进就业", 3, [
    column(41, "A20-11-02", "教育", 3),
    column(42, "A20-11-03", "医疗卫生", 0),
  ]),
  column(50, "X-GUIDE", "公开指南", 0),
  column(51, "X-POLICY-INTERP", "政策解读", 1),
];

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
}

/** A 1440 px wide screen: antd's breakpoints ask matchMedia for `(min-width: …px)`. */
function desktop() {
  vi.stubGlobal("matchMedia", (query: string) => {
    const min = /min-width:\s*(\d+)px/.exec(query);
    const max = /max-width:\s*(\d+(?:\.\d+)?)px/.exec(query);
    const matches = (!min || 1440 >= Number(min[1])) && (!max || 1440 <= Number(max[1]));
    return {
      matches,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    };
  });
}

const asked: string[] = [];
beforeEach(() => {
  asked.length = 0;
  desktop();
  vi.stubGlobal(
    "fetch",
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      asked.push(url.pathname + url.search);
      const path = url.pathname;
      if (path === "/api/units") return json([district, bureau, street]);
      if (path === "/api/catalog/columns" || path.endsWith("/columns")) return json(TREE);
      if (path === "/api/catalog/feed/latest") {
        const code = url.searchParams.get("column");
        if (code === "X-POLICY-INTERP") return json(page([item(9, "《锦华区学前教育办法》政策解读")]));
        if (code === "X-NOTICES") return json(page([item(8, "锦华区教育局关于寒假安全工作的通知")]));
        return json(page([item(7, "锦华区2026年义务教育招生入学政策"), item(6, "东湖街道2026年工作要点", 33)]));
      }
      if (path === "/api/catalog/units/4/columns/40/items") {
        return json(page([item(7, "锦华区2026年义务教育招生入学政策"), item(5, "锦华区教育局2026年工作要点")]));
      }
      if (path.startsWith("/api/catalog/units/4/items")) return json(page([item(7, "锦华区2026年义务教育招生入学政策")]));
      return json(page([]));
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderAt(path: string) {
  render(
    <QueryClientProvider client={clientWithVocabulary()}>
      <App>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/guide" element={<GuidePage />} />
            <Route path="/units/:unitId/guide" element={<GuidePage />} />
            <Route path="/units/:unitId" element={<UnitCataloguePage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

const link = (name: string | RegExp) => screen.getByRole("link", { name });

describe("the portal's home page, guide and catalogue", { timeout: 20_000 }, () => {
  it("home: one h1, the newest items, 政策解读 and 通知公告, and every entry as a real link", async () => {
    renderAt("/");
    expect(
      await screen.findByRole("heading", { level: 1, name: "锦华区人民政府政务公开" }, { timeout: 8000 }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    expect(await screen.findByRole("link", { name: "锦华区2026年义务教育招生入学政策" })).toHaveAttribute("href", "/items/7");
    expect(await screen.findByRole("link", { name: "《锦华区学前教育办法》政策解读" })).toHaveAttribute("href", "/items/9");
    expect(await screen.findByRole("link", { name: "锦华区教育局关于寒假安全工作的通知" })).toHaveAttribute("href", "/items/8");
    expect(asked).toContain("/api/catalog/feed/latest?size=5&column=X-NOTICES");
    for (const [name, href] of [
      [/公开指南/, "/guide"],
      [/年度报告/, "/annual-reports"],
      [/依申请公开/, "/apply"],
      [/申请查询/, "/track"],
      [/办事指南/, "/hall/guide"],
      [/取号/, "/hall/ticket"],
      [/预约/, "/hall/book"],
      [/评价/, "/hall/rate"],
      [/投诉/, "/hall/complain"],
    ] as const) {
      expect(link(name)).toHaveAttribute("href", href);
    }
    expect(link("东湖街道")).toHaveAttribute("href", "/units/33");
    expect(document.title).toBe("首页 - 阳光政务");
  });

  it("公开指南: the unit's office address, phone, hours, postal address and code", async () => {
    renderAt("/units/4/guide");
    expect(
      await screen.findByRole("heading", { level: 1, name: "锦华区教育局政府信息公开指南" }, { timeout: 8000 }),
    ).toBeInTheDocument();
    expect(screen.getAllByText(office.office_address).length).toBeGreaterThan(0);
    expect(link("028-84310068")).toHaveAttribute("href", "tel:02884310068");
    expect(screen.getByText(office.office_hours)).toBeInTheDocument();
    expect(screen.getByText("610066")).toBeInTheDocument();
    expect(link(office.office_email)).toHaveAttribute("href", `mailto:${office.office_email}`);
    // A department's acts are reconsidered by the district government.
    expect(screen.getByText(/向锦华区人民政府申请/)).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: "政策解读" })).toHaveAttribute("href", "/units/4?column=51");
  });

  it("catalogue: a parent column lists its sub-columns' items, columns show counts and 空栏目", async () => {
    renderAt("/units/4?column=40");
    expect(
      await screen.findByRole("heading", { level: 1, name: "锦华区教育局政府信息公开目录" }, { timeout: 8000 }),
    ).toBeInTheDocument();
    const nav = await screen.findByRole("navigation", { name: "公开目录栏目" }, { timeout: 8000 });
    await within(nav).findByRole("link", { name: "教育" }, { timeout: 8000 });
    expect(within(nav).getByRole("link", { name: "教育" })).toHaveAttribute("href", "/units/4?column=41");
    expect(within(nav).getByRole("link", { name: "扶贫、教育、医疗、社会保障、促进就业" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    expect(within(nav).getAllByText("空栏目")).toHaveLength(2);
    expect(within(nav).getAllByText("（3）")).toHaveLength(2);
    expect(await screen.findByRole("link", { name: "锦华区教育局2026年工作要点" })).toHaveAttribute("href", "/items/5");
    expect(asked).toContain("/api/catalog/units/4/columns/40/items?page=1&size=15");
    expect(document.title).toBe("锦华区教育局政府信息公开目录 - 阳光政务");
  });
});
