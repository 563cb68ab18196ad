import { Button, Input, Skeleton } from "antd";
import { Suspense, useRef, useState } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { useUnits } from "../api/queries/units";
import { logout, useCurrentUser } from "../auth/useAuth";
import { CareModeToggle } from "../components/shell/CareModeToggle";
import { SiteFooter } from "../components/shell/SiteFooter";
import { SkipLink } from "../components/shell/SkipLink";

interface NavLink {
  to: string;
  label: string;
}

/** The entry of the portal's navigation that the page belongs to (an item's page is none's). */
function isCurrent(link: NavLink, pathname: string): boolean {
  return link.to === "/" ? pathname === "/" : pathname === link.to || pathname.startsWith(`${link.to}/`);
}

/**
 * The portal's frame: skip link, header (brand, search, 长辈版, staff login, then the navigation),
 * the page in `<main id="main">`, footer. The navigation is a list of plain links (a site's
 * navigation, not an application menu): a strip under the banner on wide screens, behind a 菜单
 * button below 992 px (phones, and a desktop at 200 % zoom), where the search takes a row of its
 * own. Which is shown is CSS's decision (styles.css), so the first paint is already the right one;
 * the order of the elements is the order on screen, so that Tab follows what the eye sees.
 */
export function PortalLayout() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const units = useUnits();
  const root = units.data?.find((u) => u.parent_id === null && !u.closed);
  // The phone's menu is open on the page where it was opened: choosing a page closes it.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === pathname;
  const menuButton = useRef<HTMLButtonElement>(null);

  const links: NavLink[] = [
    { to: "/", label: "首页" },
    ...(root ? [{ to: `/units/${root.id}`, label: "政府信息公开目录" }] : []),
    { to: "/guide", label: "公开指南" },
    { to: "/search", label: "信息检索" },
    { to: "/apply", label: "依申请公开" },
    { to: "/track", label: "申请查询" },
    { to: "/inquiries/ask", label: "咨询留言" },
    { to: "/hall/guide", label: "办事指南" },
    { to: "/annual-reports", label: "年度报告" },
  ];
  const navList = (
    <ul>
      {links.map((link) => (
        <li key={link.to}>
          <Link to={link.to} aria-current={isCurrent(link, pathname) ? "page" : undefined}>
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="portal">
      <SkipLink />
      <header className="portal-header">
        <div className="portal-bar">
          <Link to="/" className="portal-brand">
            阳光政务 <small>{root ? `${root.name} 政府信息公开` : "政府信息公开"}</small>
          </Link>
          {pathname !== "/search" && (
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
          <div className="portal-tools">
            <CareModeToggle />
            {user ? (
              <>
                <span className="portal-user">{user.display_name}</span>
                <Link to="/console" className="portal-tool-link">
                  进入工作台
                </Link>
                <Button type="text" className="portal-logout" onClick={() => void logout()}>
                  退出
                </Button>
              </>
            ) : (
              pathname !== "/login" && (
                <Link to="/login" className="portal-tool-link">
                  工作人员登录
                </Link>
              )
            )}
            <Button
              ref={menuButton}
              className="portal-menu-button"
              aria-expanded={menuOpen}
              aria-controls="portal-nav-narrow"
              onClick={() => setMenuOpenAt(menuOpen ? null : pathname)}
              // Escape closes the menu from its button too, not only from inside it.
              onKeyDown={(event) => {
                if (event.key === "Escape" && menuOpen) setMenuOpenAt(null);
              }}
            >
              <span aria-hidden="true">☰</span> 菜单
            </Button>
          </div>
        </div>
        <nav aria-label="网站导航" className="portal-nav-wide">
          {navList}
        </nav>
        <nav
          id="portal-nav-narrow"
          aria-label="网站导航"
          className="portal-nav-narrow"
          hidden={!menuOpen}
          onKeyDown={(event) => {
            if (event.key !== "Escape") return;
            setMenuOpenAt(null);
            menuButton.current?.focus();
          }}
        >
          {navList}
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="portal-content">
        {/* Each page is a chunk of its own, loaded when first visited. The portal is not inside
            antd's App (its first load does without it): a page that shows messages brings it. */}
        <Suspense fallback={<Skeleton active />}>
          <Outlet />
        </Suspense>
      </main>
      <SiteFooter root={root} />
    </div>
  );
}
