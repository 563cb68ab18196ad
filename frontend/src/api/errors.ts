// Every gateway and service error has one shape: {error: {code, message, fields}, request_id}.

export interface FieldReason {
  field: string;
  reason: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldReason[];
  readonly requestId: string | null;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldReason[] = [],
    requestId: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
  }
}

const FALLBACK: Record<number, string> = {
  401: "登录已过期，请重新登录",
  403: "没有权限进行此操作",
  404: "要找的内容不存在",
  409: "数据已被他人修改，请刷新后重试",
  423: "账号已锁定，请稍后再试",
  429: "操作过于频繁，请稍后再试",
  502: "服务暂时不可用，请稍后再试",
  503: "服务暂时不可用，请稍后再试",
  504: "服务响应超时，请稍后再试",
};

interface ErrorShape {
  error?: { code?: string; message?: string; fields?: FieldReason[] | null };
  request_id?: string | null;
}

export function errorFromResponse(response: Response, body: unknown): ApiError {
  const shape = (typeof body === "object" && body !== null ? body : {}) as ErrorShape;
  const status = response.status;
  const message = shape.error?.message || FALLBACK[status] || `请求失败（${status}）`;
  const retryAfter = response.headers.get("Retry-After");
  return new ApiError(
    status,
    shape.error?.code ?? "http_error",
    status === 429 && retryAfter ? `${message}（${retryAfter} 秒后可重试）` : message,
    shape.error?.fields ?? [],
    shape.request_id ?? response.headers.get("X-Request-ID"),
  );
}

/** The last part of a field path ("body.name" → "name"), as the form names its fields. */
export function formFieldName(field: string): string {
  const parts = field.split(".");
  return parts[parts.length - 1] ?? field;
}

/** Antd form errors from an ApiError's field reasons; the rest stays a general message. */
export function formErrors<K extends string>(
  error: ApiError,
  known: readonly K[],
): { name: K; errors: string[] }[] {
  const isKnown = (name: string): name is K => (known as readonly string[]).includes(name);
  return error.fields.flatMap((f) => {
    const name = formFieldName(f.field);
    return isKnown(name) ? [{ name, errors: [f.reason] }] : [];
  });
}
