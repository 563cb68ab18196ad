import { describe, expect, it } from "vitest";
import { errorFromResponse, formErrors } from "./errors";

describe("errorFromResponse", () => {
  it("keeps the server's message, field reasons and request id", () => {
    const body = {
      error: {
        code: "invalid_input",
        message: "请求内容有误",
        fields: [{ field: "body.credit_code", reason: "统一社会信用代码校验位不正确" }],
      },
      request_id: "req-1",
    };
    const error = errorFromResponse(new Response(null, { status: 422 }), body);
    expect(error.status).toBe(422);
    expect(error.message).toBe("请求内容有误");
    expect(error.requestId).toBe("req-1");
    expect(formErrors(error, ["credit_code", "name"] as const)).toEqual([
      { name: "credit_code", errors: ["统一社会信用代码校验位不正确"] },
    ]);
  });

  it("tells when to retry after too many attempts", () => {
    const response = new Response(null, { status: 429, headers: { "Retry-After": "30" } });
    expect(errorFromResponse(response, undefined).message).toBe("操作过于频繁，请稍后再试（30 秒后可重试）");
  });

  it("shows a locked account's message with the time the lock ends, without a countdown", () => {
    const response = new Response(null, { status: 423, headers: { "Retry-After": "900" } });
    const body = {
      error: { code: "account_locked", message: "密码连续错误次数过多，账号已锁定至 2026-03-02 10:15:00（北京时间）" },
    };
    const error = errorFromResponse(response, body);
    expect(error.code).toBe("account_locked");
    expect(error.message).toBe("密码连续错误次数过多，账号已锁定至 2026-03-02 10:15:00（北京时间）");
  });

  it("says the service is unavailable on a bad gateway without a body", () => {
    expect(errorFromResponse(new Response(null, { status: 502 }), undefined).message).toBe(
      "服务暂时不可用，请稍后再试",
    );
  });
});
