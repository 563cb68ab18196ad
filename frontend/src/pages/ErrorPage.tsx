import { Button, Result, Typography } from "antd";
import { isRouteErrorResponse, useRouteError } from "react-router-dom";
import { ApiError } from "../api/errors";
import { usePageTitle } from "../lib/usePageTitle";
import { NotFoundPage } from "./NotFoundPage";

/**
 * What the user sees when a page fails: a plain message and, for support, the request id. It
 * takes the place of the whole layout, so it is the page's `<main>` itself.
 */
export function ErrorPage() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  usePageTitle(notFound ? "页面不存在" : "页面出错了");
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <main id="main" tabIndex={-1}>
      {notFound ? (
        <NotFoundPage />
      ) : (
        <Result
          status="error"
          title={
            <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
              页面出错了
            </Typography.Title>
          }
          subTitle={
            <>
              <div>{error instanceof ApiError ? error.message : "页面加载时发生错误，请刷新重试。"}</div>
              {requestId && (
                <Typography.Text type="secondary" copyable={{ text: requestId, tooltips: ["复制请求编号", "已复制"] }}>
                  请求编号：{requestId}
                </Typography.Text>
              )}
            </>
          }
          extra={
            // A full load of the home page: the failure may be a chunk this page can no longer fetch.
            <Button type="primary" href="/">
              返回首页
            </Button>
          }
        />
      )}
    </main>
  );
}
