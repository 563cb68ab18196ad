import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "antd";
import { afterEach, describe, expect, it, vi } from "vitest";
import { unitKeys } from "../../../api/queries/units";
import type { Unit } from "../../../lib/units";
import { clientWithVocabulary } from "../../../testing/vocabulary";
import { UnitDialog } from "./UnitDialog";

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
  office_address: "锦华区锦华大道二段88号区行政中心1号楼3层",
  office_phone: "028-84310017",
  office_hours: "工作日 9:00–12:00，13:30–17:30",
  postal_address: "蓉州市锦华区锦华大道二段88号",
  postal_code: "610066",
  office_email: "zwgk001@jinhua.gov.cn",
};
const weather: Unit = {
  ...district,
  id: 63,
  name: "锦华区气象局",
  type: "department",
  parent_id: 1,
  vertically_managed: true,
  reconsideration_body: "蓉州市气象局",
};
const tobacco: Unit = { ...district, id: 60, name: "锦华区烟草专卖局", type: "department", parent_id: 1 };

/** The gateway as the dialog's save sees it: records each PATCH body and answers `status`. */
function gateway(status = 200, answer: object = {}) {
  const sent: Record<string, unknown>[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (request: Request) => {
      const body = (await request.json()) as Record<string, unknown>;
      sent.push(body);
      const json = status === 200 ? { ...weather, ...body } : answer;
      return new Response(JSON.stringify(json), { status, headers: { "Content-Type": "application/json" } });
    }),
  );
  return sent;
}

function renderDialog(unit: Unit) {
  const client = clientWithVocabulary();
  client.setQueryData(unitKeys.list(), [district, weather, tobacco]);
  render(
    <QueryClientProvider client={client}>
      <App>
        <UnitDialog editing={{ mode: "edit", unit }} onClose={() => {}} />
      </App>
    </QueryClientProvider>,
  );
}

// Fields by their labels and clicks as plain events: role queries and typing over a whole
// modal are too slow for jsdom.
const flag = () => screen.getByLabelText("垂直管理");
const body = () => screen.queryByLabelText("行政复议机关");
const save = () => fireEvent.click(screen.getByText(/^保\s*存$/).closest("button")!);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// A whole modal with its tree picker renders slowly in jsdom on a busy machine.
describe("UnitDialog: vertical management", { timeout: 20_000 }, () => {
  it("shows a vertical unit's reconsideration body and refuses to save it empty", async () => {
    const sent = gateway();
    renderDialog(weather);
    expect(flag()).toBeChecked();
    expect(await screen.findByLabelText("行政复议机关")).toHaveValue("蓉州市气象局");
    fireEvent.change(body()!, { target: { value: " " } });
    save();
    expect(await screen.findByText("请填写行政复议机关（上一级主管部门）")).toBeInTheDocument();
    expect(sent).toEqual([]);
  });

  it("asks for the body once the switch is on and sends it with the flag", async () => {
    const sent = gateway();
    renderDialog(tobacco);
    expect(flag()).not.toBeChecked();
    expect(body()).toBeNull();
    fireEvent.click(flag());
    await screen.findByLabelText("行政复议机关");
    save();
    expect(await screen.findByText("请填写行政复议机关（上一级主管部门）")).toBeInTheDocument();
    fireEvent.change(body()!, { target: { value: "  蓉州市烟草专卖局 " } });
    save();
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ vertically_managed: true, reconsideration_body: "蓉州市烟草专卖局" });
  });

  it("clears the body when the switch is turned off", async () => {
    const sent = gateway();
    renderDialog(weather);
    await screen.findByLabelText("行政复议机关");
    fireEvent.click(flag());
    await waitFor(() => expect(body()).toBeNull());
    save();
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ vertically_managed: false, reconsideration_body: null });
  });

  it("puts the gateway's reason on the field it names", async () => {
    const reason = "垂直管理单位须填写行政复议机关（上一级主管部门）";
    gateway(422, {
      error: {
        code: "reconsideration_body_required",
        message: `body.reconsideration_body: ${reason}`,
        fields: [{ field: "body.reconsideration_body", reason }],
      },
    });
    renderDialog(weather);
    await screen.findByLabelText("行政复议机关");
    save();
    expect(await screen.findByText(reason)).toBeInTheDocument();
  });
});

describe("UnitDialog: the disclosure office for the 公开指南", { timeout: 20_000 }, () => {
  it("shows the office's contact details, checks the postal code and sends a cleared e-mail empty", async () => {
    const sent = gateway();
    renderDialog(tobacco);
    expect(await screen.findByLabelText("咨询电话")).toHaveValue("028-84310017");
    expect(screen.getByLabelText("办公地址")).toHaveValue("锦华区锦华大道二段88号区行政中心1号楼3层");
    fireEvent.change(screen.getByLabelText("邮政编码"), { target: { value: "6100" } });
    save();
    expect(await screen.findByText("邮政编码应为6位数字")).toBeInTheDocument();
    expect(sent).toEqual([]);
    fireEvent.change(screen.getByLabelText("邮政编码"), { target: { value: "610041" } });
    fireEvent.change(screen.getByLabelText("电子邮箱"), { target: { value: "" } });
    save();
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ postal_code: "610041", office_email: "", office_phone: "028-84310017" });
  });

  it("puts the gateway's reason on the phone field", async () => {
    const reason = "电话应为“区号-号码”（如 028-86000000）或11位手机号";
    gateway(422, {
      error: { code: "invalid_input", message: `body.office_phone: ${reason}`, fields: [{ field: "body.office_phone", reason }] },
    });
    renderDialog(tobacco);
    await screen.findByLabelText("咨询电话");
    save();
    expect(await screen.findByText(reason)).toBeInTheDocument();
  });
});
