import { Result, Typography } from "antd";
import { Link } from "react-router-dom";
import { usePageTitle } from "../lib/usePageTitle";

export function NotFoundPage() {
  usePageTitle("页面不存在");
  return (
    <Result
      status="404"
      title={
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          页面不存在
        </Typography.Title>
      }
      subTitle="您访问的页面不存在或已被移除，请检查地址是否正确。"
      extra={<Link to="/">返回首页</Link>}
    />
  );
}
