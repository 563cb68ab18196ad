import { Button, Result, Typography } from "antd";
import { isRouteErrorResponse, useRouteError } from "react-router-dom";
import { ApiError } from "../api/errors";
import { NotFoundPage } from "./NotFoundPage";

/** What the user sees when a page fails: a plain message and, for support, the request id. */
export function ErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <Result
      status="error"
      title="页面出错了"
      subTitle={
        <>
          <div>{error instanceof ApiError ? error.message : "页面加载时发生错误，请刷新重试。"}</div>
          {requestId && (
            <Typography.Text type="secondary" copyable={{ text: requestId }}>
              请求编号：{requestId}
            </Typography.Text>
          )}
        </>
      }
      extra={
        <Button type="primary" onClick={() => window.location.assign("/")}>
          返回首页
        </Button>
      }
    />
  );
}
