import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  DownOutlined,
  FileTextOutlined,
  PartitionOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { App, Button, Dropdown, Layout, Menu, Skeleton, Space, Tag, Typography } from "antd";
import { Suspense, useState, type ReactNode } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { useLabels } from "../api/queries/vocabulary";
import { logout, useCurrentUser } from "../auth/useAuth";
import { pagesFor } from "../lib/navigation";
import { PasswordDialog } from "../pages/console/components/PasswordDialog";

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
  const label = useLabels("gateway");
  const [changingPassword, setChangingPassword] = useState(false);
  if (!user) return null;
  const items = pagesFor(user).map((page) => ({
    key: page.path,
    icon: ICONS[page.path],
    label: <Link to={page.path}>{page.label}</Link>,
  }));

  // antd's App gives the console's pages their messages and dialogs (App.useApp); it is here and
  // not around the whole SPA so that the portal's first load does without it.
  return (
    <App>
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
                  {label("roles", role)}
                </Tag>
              ))}
            </Space>
            <Space>
              <Link to="/">门户网站</Link>
              <a href="/docs" target="_blank" rel="noreferrer">
                接口文档
              </a>
              <Dropdown
                trigger={["click"]}
                menu={{
                  items: [{ key: "password", label: "修改密码" }],
                  onClick: ({ key }) => key === "password" && setChangingPassword(true),
                }}
              >
                <Button type="text">
                  {user.display_name} <DownOutlined />
                </Button>
              </Dropdown>
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
            <Suspense fallback={<Skeleton active />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
      <PasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
    </App>
  );
}
