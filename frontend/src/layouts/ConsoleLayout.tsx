import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  CommentOutlined,
  DashboardOutlined,
  DownOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  FormOutlined,
  InboxOutlined,
  LineChartOutlined,
  MenuOutlined,
  MessageOutlined,
  NotificationOutlined,
  PartitionOutlined,
  PhoneOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { App, Button, Drawer, Dropdown, Layout, Menu, Skeleton, Space, Tag, Typography } from "antd";
import { Suspense, useState, type ReactNode } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { useLabels } from "../api/queries/vocabulary";
import { logout, useCurrentUser } from "../auth/useAuth";
import { SkipLink } from "../components/shell/SkipLink";
import { menuEntryOf, pagesFor, usesApiDocs } from "../lib/navigation";
import { PasswordDialog } from "../pages/console/components/PasswordDialog";

const ICONS: Record<string, ReactNode> = {
  "/console": <DashboardOutlined />,
  "/console/items": <FileTextOutlined />,
  "/console/review": <SafetyCertificateOutlined />,
  "/console/deadlines": <ClockCircleOutlined />,
  "/console/columns": <PartitionOutlined />,
  "/console/applications": <InboxOutlined />,
  "/console/inquiries": <MessageOutlined />,
  "/console/applications/register": <FormOutlined />,
  "/console/hall/window": <NotificationOutlined />,
  "/console/hall/cases": <FolderOpenOutlined />,
  "/console/hall/supervision": <AlertOutlined />,
  "/console/hall/items": <ProfileOutlined />,
  "/console/hall/centres": <BankOutlined />,
  "/console/hall/follow-ups": <PhoneOutlined />,
  "/console/hall/complaints": <CommentOutlined />,
  "/console/hall/enforcement": <FileProtectOutlined />,
  "/console/reports/annual": <BookOutlined />,
  "/console/reports/bulletins": <BarChartOutlined />,
  "/console/reports/figures": <LineChartOutlined />,
  "/console/units": <ApartmentOutlined />,
  "/console/calendar": <CalendarOutlined />,
  "/console/users": <TeamOutlined />,
  "/console/delivery": <SendOutlined />,
  "/console/audit": <AuditOutlined />,
};

/**
 * The console's frame: skip link, the pages of the user's work as a side menu (on screens below
 * 992 px, phones and 200 % zoom, a drawer opened by 菜单), a header that wraps rather than
 * overflows, and the page in `<main id="main">`.
 */
export function ConsoleLayout() {
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const label = useLabels("gateway");
  const [changingPassword, setChangingPassword] = useState(false);
  // Open on the page where it was opened: choosing a page closes it.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === location.pathname;
  if (!user) return null;
  const items = pagesFor(user).map((page) => ({
    key: page.path,
    icon: ICONS[page.path],
    label: <Link to={page.path}>{page.label}</Link>,
  }));
  const menu = (
    <nav aria-label="工作台导航">
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={[menuEntryOf(location.pathname)?.path ?? ""]}
        items={items}
        aria-label="工作台导航"
      />
    </nav>
  );

  // antd's App gives the console's pages their messages and dialogs (App.useApp); it is here and
  // not around the whole SPA so that the portal's first load does without it.
  return (
    <App>
      <SkipLink />
      <Layout style={{ minHeight: "100vh" }}>
        <Layout.Sider width={208} className="console-sider">
          <div className="console-brand">阳光政务 · 工作台</div>
          {menu}
        </Layout.Sider>
        <Layout>
          <Layout.Header className="console-header">
            <Space wrap>
              <Button
                className="console-menu-button"
                icon={<MenuOutlined aria-hidden />}
                aria-expanded={menuOpen}
                onClick={() => setMenuOpenAt(location.pathname)}
              >
                菜单
              </Button>
              <Typography.Text strong>{user.unit_name}</Typography.Text>
              {user.roles.map((role) => (
                <Tag key={role} color="red">
                  {label("roles", role)}
                </Tag>
              ))}
            </Space>
            <Space wrap>
              <Link to="/">门户网站</Link>
              {usesApiDocs(user) && (
                <a href="/docs" target="_blank" rel="noreferrer">
                  接口文档<span className="sr-only">（在新窗口打开）</span>
                </a>
              )}
              <Dropdown
                trigger={["click"]}
                menu={{
                  items: [{ key: "password", label: "修改密码" }],
                  onClick: ({ key }) => key === "password" && setChangingPassword(true),
                }}
              >
                <Button type="text">
                  {user.display_name} <DownOutlined aria-hidden />
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
          <Layout.Content id="main" tabIndex={-1} className="console-content">
            <Suspense fallback={<Skeleton active />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
      <Drawer
        className="console-drawer"
        title="阳光政务 · 工作台"
        placement="left"
        size={280}
        open={menuOpen}
        onClose={() => setMenuOpenAt(null)}
      >
        {menu}
      </Drawer>
      <PasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
    </App>
  );
}
