import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App, DatePicker, Form, Input } from "antd";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../api/errors";
import { ActionForm } from "./ActionForm";

interface ReceiptIn {
  received_on: string;
  handler: string;
}

function wrap(children: ReactNode) {
  return (
    <QueryClientProvider client={new QueryClient()}>
      <App>{children}</App>
    </QueryClientProvider>
  );
}

function renderStep(submit: (body: ReceiptIn) => Promise<unknown>) {
  render(
    wrap(
      <ActionForm
        applicationId={1}
        submit={submit}
        submitText="确认收到"
        done="已确认收到"
        initialValues={{ received_on: dayjs("2026-03-02"), handler: "chen" }}
      >
        <Form.Item name="received_on" label="确认收到日期">
          <DatePicker />
        </Form.Item>
        <Form.Item name="handler" label="经办人">
          <Input />
        </Form.Item>
      </ActionForm>,
    ),
  );
}

describe("ActionForm", () => {
  it("sends the picked dates as ISO dates and says the step is done", async () => {
    const submit = vi.fn(async (body: ReceiptIn) => body);
    renderStep(submit);
    await userEvent.click(screen.getByRole("button", { name: "确认收到" }));
    expect(await screen.findByText("已确认收到")).toBeInTheDocument();
    expect(submit).toHaveBeenCalledWith({ received_on: "2026-03-02", handler: "chen" });
  });

  it("shows the service's refusal, and its reason on the field it names", async () => {
    const refusal = new ApiError(409, "conflict", "收到日期不能早于提交日期", [
      { field: "body.received_on", reason: "早于提交日期 2026-03-03" },
    ]);
    renderStep(async () => Promise.reject(refusal));
    await userEvent.click(screen.getByRole("button", { name: "确认收到" }));
    expect(await screen.findByText("收到日期不能早于提交日期")).toBeInTheDocument();
    expect(screen.getByText("早于提交日期 2026-03-03")).toBeInTheDocument();
  });
});
