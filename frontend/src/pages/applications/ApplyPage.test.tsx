import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { unitKeys } from "../../api/queries/units";
import { vocabularyKeys } from "../../api/queries/vocabulary";
import type { Unit } from "../../lib/units";
import { APPLICATIONS_VOCABULARY, clientWithVocabulary } from "../../testing/vocabulary";
import { ApplyPage } from "./ApplyPage";
import { copyText } from "./components/Receipt";

const unit = (id: number, name: string, type: string, parent_id: number | null, extra: Partial<Unit> = {}): Unit => ({
  id,
  name,
  type,
  parent_id,
  credit_code: "11510199MB0000000X",
  sort_order: id,
  closed: false,
  vertically_managed: false,
  ...extra,
} as Unit);

const UNITS = [
  unit(1, "锦华区人民政府", "government", null),
  unit(2, "锦华区人民政府办公室", "department", 1),
  unit(3, "锦华区教育局", "department", 1),
  unit(7, "锦华区民政局", "department", 1, { office_phone: "028-84310119" }),
  unit(40, "东湖街道", "street", 1),
  unit(41, "东湖社区", "community", 40),
  unit(50, "锦华区旧城改造办公室", "department", 1, { closed: true }),
];

interface Call {
  path: string;
  body: unknown;
}
const calls: Call[] = [];

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

beforeEach(() => {
  calls.length = 0;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      const body: unknown = request.method === "POST" ? await request.json() : null;
      calls.push({ path, body });
      if (path === "/api/applications/applications" && request.method === "POST") {
        return json({ tracking_number: "YSQ2026000123", query_code: "K7M2Q9XA", received_on: null }, 201);
      }
      return json({ error: { code: "not_found", message: "无" } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage() {
  const client = clientWithVocabulary();
  client.setQueryData(vocabularyKeys.domain("applications"), {
    ...APPLICATIONS_VOCABULARY,
    receiving_unit_types: ["government", "department", "street", "township"],
  });
  client.setQueryData(unitKeys.list(), UNITS);
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={["/apply"]}>
        <ApplyPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const picker = () => screen.getByRole("combobox", { name: "申请的行政机关" });
const offered = () => [...document.querySelectorAll(".ant-select-item-option")].map((o) => o.textContent);

function typeUnit(text: string) {
  fireEvent.mouseDown(picker());
  fireEvent.change(picker(), { target: { value: text } });
}

function fillApplicant() {
  fireEvent.change(screen.getByLabelText("姓名"), { target: { value: "陈晓明" } });
  fireEvent.change(screen.getByLabelText("证件号码"), { target: { value: "11010519491231002X" } });
  fireEvent.change(screen.getByLabelText("联系电话"), { target: { value: "13812345678" } });
  fireEvent.change(screen.getByLabelText(/所需政府信息的名称/), { target: { value: "锦华区2026年低保标准调整文件" } });
}

describe("ApplyPage", () => {
  it("names the page with one h1", async () => {
    renderPage();
    expect(await screen.findByRole("heading", { level: 1, name: "政府信息公开申请" })).toBeInTheDocument();
    expect(document.title).toContain("政府信息公开申请");
  });

  it("finds 民政局 first for 民政 and offers no community or closed unit", async () => {
    renderPage();
    await screen.findByRole("heading", { level: 1 });
    typeUnit("民政");
    await waitFor(() => expect(offered()[0]).toBe("锦华区民政局"));
    // 人民政府 contains 民政 too, after it.
    expect(offered()).toEqual(["锦华区民政局", "锦华区人民政府", "锦华区人民政府办公室"]);
    typeUnit("东湖");
    await waitFor(() => expect(offered()).toEqual(["东湖街道"]));
    typeUnit("东湖社区");
    expect(await screen.findByText("“东湖社区”不受理申请和咨询，请选择其所属的街道办事处或乡镇人民政府")).toBeInTheDocument();
    typeUnit("旧城改造");
    expect(await screen.findByText("“锦华区旧城改造办公室”已撤销，请选择承接其职能的单位")).toBeInTheDocument();
  });

  it("asks for a postal address for 邮寄 and an e-mail for 电子文档 before sending", async () => {
    renderPage();
    await screen.findByRole("heading", { level: 1 });
    fillApplicant();
    fireEvent.click(screen.getByLabelText("邮寄"));
    fireEvent.click(screen.getByRole("button", { name: "提交申请" }));
    // Validation runs field by field on a busy machine: give it time.
    const slow = { timeout: 10_000 };
    expect(await screen.findByText("邮寄的，须填写通信地址（省市区、街道门牌）", {}, slow)).toBeInTheDocument();
    fireEvent.click(screen.getByLabelText("电子文档"));
    fireEvent.click(screen.getByRole("button", { name: "提交申请" }));
    expect(await screen.findByText("以电子文档形式获取的，须填写电子邮箱", {}, slow)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("电子邮箱"), { target: { value: "chenxm@example" } });
    expect(await screen.findByText("电子邮箱格式不正确", {}, slow)).toBeInTheDocument();
    expect(calls.filter((c) => c.path === "/api/applications/applications")).toEqual([]);
  });

  it("gives a receipt to print and copy after submitting", async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    const print = vi.spyOn(window, "print").mockImplementation(() => {});
    vi.spyOn(window, "scrollTo").mockImplementation(() => {});
    renderPage();
    await screen.findByRole("heading", { level: 1 });
    typeUnit("民政");
    fireEvent.click(await screen.findByTitle("锦华区民政局"));
    fillApplicant();
    fireEvent.click(screen.getByLabelText("邮寄"));
    fireEvent.change(screen.getByLabelText("通信地址"), { target: { value: "锦华区东湖路18号3栋" } });
    fireEvent.click(screen.getByRole("button", { name: "提交申请" }));

    expect(await screen.findByText("申请已提交")).toBeInTheDocument();
    const sent = calls.find((c) => c.path === "/api/applications/applications")?.body as Record<string, unknown>;
    expect(sent).toMatchObject({ unit_id: 7, form: "post", address: "锦华区东湖路18号3栋" });
    expect(screen.getByRole("heading", { level: 2, name: "政府信息公开申请回执" })).toBeInTheDocument();
    expect(screen.getByTestId("tracking-number")).toHaveTextContent("YSQ2026000123");
    expect(screen.getByTestId("query-code")).toHaveTextContent("K7M2Q9XA");
    expect(screen.getByText("锦华区民政局")).toBeInTheDocument();
    expect(screen.getByText("028-84310119")).toBeInTheDocument();
    expect(screen.getByText(/暂未开通短信和电子邮件通知/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole("button", { name: "打印回执" }));
    expect(print).toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "复制编号和查询码" }));
    expect(await screen.findByText(/已复制/)).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining("申请编号：YSQ2026000123\n查询码：K7M2Q9XA"));
  });
});

describe("copyText", () => {
  it("falls back to the copy command where the Clipboard API refuses", async () => {
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText: vi.fn(async () => Promise.reject(new Error("denied"))) } });
    const exec = vi.fn(() => true);
    Object.defineProperty(document, "execCommand", { value: exec, configurable: true });
    expect(await copyText("查询码：K7M2Q9XA")).toBe(true);
    expect(exec).toHaveBeenCalledWith("copy");
    exec.mockReturnValue(false);
    expect(await copyText("查询码：K7M2Q9XA")).toBe(false);
  });
});
