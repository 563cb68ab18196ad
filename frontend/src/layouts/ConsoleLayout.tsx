import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  FileTextOutlined,
  PartitionOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { Button, Layout, Menu, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { logout, useCurrentUser } from "../auth/useAuth";
import { ROLE_LABELS } from "../lib/labels";
import { pagesFor } from "../lib/navigation";

const ICONS: Record<string, ReactNode> = {
  "/console": <DashboardOutlined />,
  "/console/items": <FileTextOutlined />,
  "/console/review": <SafetyCertificateOutlined />,
  "/console/deadlines": <ClockCircleOutlined />,
  "/console/columns": <PartitionOutlined />,
  "/console/units": <ApartmentOutlined />,
  "/console/calendar": <CalendarOutlined />,
  "/console/users": <TeamOutlined />,
  "/console/delivery": <SendOutlined />,
  "/console/audit": <AuditOutlined />,
};

// The editor (/console/items/12) lights up its list's menu entry.
function selectedPage(pathname: string): string {
  const page = pathname.match(/^\/console\/[^/]+/);
  return page ? page[0] : pathname;
}

export function ConsoleLayout() {
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  if (!user) return null;
  const items = pagesFor(user.roles).map((page) => ({
    key: page.path,
    icon: ICONS[page.path],
    label: <Link to={page.path}>{page.label}</Link>,
  }));

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={0}>
        <div className="console-brand">阳光政务 · 工作台</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedPage(location.pathname)]}
          items={items}
          aria-label="工作台导航"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-header">
          <Space>
            <Typography.Text strong>{user.unit_name}</Typography.Text>
            {user.roles.map((role) => (
              <Tag key={role} color="red">
                {ROLE_LABELS[role]}
              </Tag>
            ))}
          </Space>
          <Space>
            <Link to="/">门户网站</Link>
            <a href="/docs" target="_blank" rel="noreferrer">
              接口文档
            </a>
            <Typography.Text>{user.display_name}</Typography.Text>
            <Button
              onClick={async () => {
                await logout();
                navigate("/login");
              }}
            >
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
