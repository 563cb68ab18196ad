import { Alert, Button, Typography } from "antd";
import { ApiError } from "../api/errors";

/** A failed query shown in place, with a retry and the request id to quote to support. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof Error ? error.message : "加载失败";
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <Alert
      type="error"
      showIcon
      title={message}
      description={
        requestId ? <Typography.Text type="secondary">请求编号：{requestId}</Typography.Text> : null
      }
      action={onRetry ? <Button onClick={onRetry}>重试</Button> : null}
    />
  );
}
