import { Button, Input, Layout, Menu, Skeleton, Space, Typography } from "antd";
import { Suspense } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { useUnits } from "../api/queries/units";
import { logout, useCurrentUser } from "../auth/useAuth";

export function PortalLayout() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const units = useUnits();
  const root = units.data?.find((u) => u.parent_id === null && !u.closed);

  const items = [
    { key: "/", label: <Link to="/">首页</Link> },
    ...(root
      ? [{ key: `/units/${root.id}`, label: <Link to={`/units/${root.id}`}>政府信息公开目录</Link> }]
      : []),
    { key: "/search", label: <Link to="/search">信息检索</Link> },
    { key: "/hall/guide", label: <Link to="/hall/guide">办事指南</Link> },
    { key: "/apply", label: <Link to="/apply">依申请公开</Link> },
    { key: "/track", label: <Link to="/track">申请查询</Link> },
  ];

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header className="portal-header">
        <Link to="/" className="portal-brand">
          阳光政务<small>{root ? `${root.name} 政府信息公开` : "政府信息公开"}</small>
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[location.pathname]}
          items={items}
          style={{ flex: 1, minWidth: 0, background: "transparent" }}
        />
        {location.pathname !== "/search" && (
          <Input.Search
            className="portal-search"
            aria-label="检索政府信息"
            placeholder="检索政府信息"
            allowClear
            onSearch={(q) => {
              if (q.trim()) navigate(`/search?${new URLSearchParams({ q: q.trim() })}`);
            }}
          />
        )}
        {user ? (
          <Space>
            <Typography.Text style={{ color: "#fff" }}>{user.display_name}</Typography.Text>
            <Button onClick={() => navigate("/console")}>进入工作台</Button>
            <Button type="text" style={{ color: "#fff" }} onClick={() => void logout()}>
              退出
            </Button>
          </Space>
        ) : (
          location.pathname !== "/login" && (
            <Button onClick={() => navigate("/login")}>工作人员登录</Button>
          )
        )}
      </Layout.Header>
      <Layout.Content className="portal-content">
        {/* Each page is a chunk of its own, loaded when first visited. The portal is not inside
            antd's App (its first load does without it): a page that shows messages brings it. */}
        <Suspense fallback={<Skeleton active />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: "center", color: "#888" }}>
        {root?.name ?? "阳光政务"} 主办 · 依据《中华人民共和国政府信息公开条例》公开政府信息
      </Layout.Footer>
    </Layout>
  );
}
