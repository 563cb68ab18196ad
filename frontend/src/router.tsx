import { lazy, Suspense, type ComponentType } from "react";
import { createBrowserRouter } from "react-router-dom";
import { RequireStaff } from "./auth/guards";
import { PortalLayout } from "./layouts/PortalLayout";

// Every page, the console's layout, its role guard and the error page are chunks of their own,
// loaded when first needed: a citizen opening the portal downloads neither the console nor the
// antd components only other pages use (bench/first_load.py measures what the home page needs).
// The portal's layout is in the first chunk, so its header is drawn while the page loads.

const loadErrorPage = () => import("./pages/ErrorPage");

function page<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K) {
  return lazy(async () => {
    const module = await load();
    // Once a page is here, the error page is fetched too: it must be at hand when a later
    // chunk fails to load (offline, or replaced by a deploy), yet not delay the first page.
    void loadErrorPage();
    return { default: module[name] };
  });
}

const ErrorPage = page(loadErrorPage, "ErrorPage");
const errorElement = (
  <Suspense fallback={null}>
    <ErrorPage />
  </Suspense>
);

const RequireRole = lazy(async () => ({ default: (await import("./auth/RequireRole")).RequireRole }));

const HomePage = page(() => import("./pages/portal/HomePage"), "HomePage");
const UnitCataloguePage = page(() => import("./pages/portal/UnitCataloguePage"), "UnitCataloguePage");
const GuidePage = page(() => import("./pages/portal/GuidePage"), "GuidePage");
const ItemPage = page(() => import("./pages/catalog/ItemPage"), "ItemPage");
const SearchPage = page(() => import("./pages/catalog/SearchPage"), "SearchPage");
const ApplyPage = page(() => import("./pages/applications/ApplyPage"), "ApplyPage");
const TrackPage = page(() => import("./pages/applications/TrackPage"), "TrackPage");
const AskPage = page(() => import("./pages/inquiries/AskPage"), "AskPage");
const AnswerPage = page(() => import("./pages/inquiries/AnswerPage"), "AnswerPage");
const LoginPage = page(() => import("./pages/LoginPage"), "LoginPage");
const NotFoundPage = page(() => import("./pages/NotFoundPage"), "NotFoundPage");

const ConsoleLayout = page(() => import("./layouts/ConsoleLayout"), "ConsoleLayout");
const UnitsPage = page(() => import("./pages/console/UnitsPage"), "UnitsPage");
const CalendarPage = page(() => import("./pages/console/CalendarPage"), "CalendarPage");
const UsersPage = page(() => import("./pages/console/UsersPage"), "UsersPage");
const DeliveryPage = page(() => import("./pages/console/DeliveryPage"), "DeliveryPage");
const AuditPage = page(() => import("./pages/console/AuditPage"), "AuditPage");
const ItemsPage = page(() => import("./pages/catalog/console/ItemsPage"), "ItemsPage");
const ItemEditorPage = page(() => import("./pages/catalog/console/ItemEditorPage"), "ItemEditorPage");
const ReviewPage = page(() => import("./pages/catalog/console/ReviewPage"), "ReviewPage");
const DeadlinesPage = page(() => import("./pages/catalog/console/DeadlinesPage"), "DeadlinesPage");
const ColumnsPage = page(() => import("./pages/catalog/console/ColumnsPage"), "ColumnsPage");
const InboxPage = page(() => import("./pages/applications/InboxPage"), "InboxPage");
const ApplicationPage = page(() => import("./pages/applications/ApplicationPage"), "ApplicationPage");
const InquiriesPage = page(() => import("./pages/inquiries/console/InquiriesPage"), "InquiriesPage");
const InquiryPage = page(() => import("./pages/inquiries/console/InquiryPage"), "InquiryPage");
const RegisterApplicationPage = page(() => import("./pages/applications/RegisterPage"), "RegisterPage");
const GuideSearchPage = page(() => import("./pages/hall/guide/GuideSearchPage"), "GuideSearchPage");
const GuideItemPage = page(() => import("./pages/hall/guide/GuideItemPage"), "GuideItemPage");
const HallItemsPage = page(() => import("./pages/hall/setup/HallItemsPage"), "HallItemsPage");
const HallItemEditorPage = page(() => import("./pages/hall/setup/HallItemEditorPage"), "HallItemEditorPage");
const CentresPage = page(() => import("./pages/hall/setup/CentresPage"), "CentresPage");
const CentrePage = page(() => import("./pages/hall/setup/CentrePage"), "CentrePage");
const TicketPage = page(() => import("./pages/hall/queue/TicketPage"), "TicketPage");
const BookPage = page(() => import("./pages/hall/queue/BookPage"), "BookPage");
const BoardPage = page(() => import("./pages/hall/queue/BoardPage"), "BoardPage");
const ConsoleHome = page(() => import("./pages/hall/console/ConsoleHome"), "ConsoleHome");
const WindowConsolePage = page(() => import("./pages/hall/console/WindowConsolePage"), "WindowConsolePage");
const RatePage = page(() => import("./pages/hall/ratings/RatePage"), "RatePage");
const TabletPage = page(() => import("./pages/hall/ratings/TabletPage"), "TabletPage");
const ComplaintPage = page(() => import("./pages/hall/ratings/ComplaintPage"), "ComplaintPage");
const FollowUpsPage = page(() => import("./pages/hall/ratings/FollowUpsPage"), "FollowUpsPage");
const ComplaintsPage = page(() => import("./pages/hall/ratings/ComplaintsPage"), "ComplaintsPage");
const EnforcementPage = page(() => import("./pages/hall/enforcement/EnforcementPage"), "EnforcementPage");
const CasesPage = page(() => import("./pages/hall/cases/CasesPage"), "CasesPage");
const NewCasePage = page(() => import("./pages/hall/cases/NewCasePage"), "NewCasePage");
const CasePage = page(() => import("./pages/hall/cases/CasePage"), "CasePage");
const SupervisionPage = page(() => import("./pages/hall/supervision/SupervisionPage"), "SupervisionPage");
const AnnualWorkspacePage = page(() => import("./pages/reporting/AnnualWorkspacePage"), "AnnualWorkspacePage");
const BulletinsPage = page(() => import("./pages/reporting/BulletinsPage"), "BulletinsPage");
const WorkFiguresPage = page(() => import("./pages/reporting/WorkFiguresPage"), "WorkFiguresPage");
const PublicAnnualReportsPage = page(
  () => import("./pages/reporting/PublicAnnualReportsPage"),
  "PublicAnnualReportsPage",
);
const PublicAnnualReportPage = page(() => import("./pages/reporting/PublicAnnualReportsPage"), "PublicAnnualReportPage");

export const router = createBrowserRouter([
  {
    path: "/",
    element: <PortalLayout />,
    errorElement,
    children: [
      { index: true, element: <HomePage /> },
      { path: "units/:unitId", element: <UnitCataloguePage /> },
      { path: "units/:unitId/guide", element: <GuidePage /> },
      { path: "guide", element: <GuidePage /> },
      { path: "items/:itemId", element: <ItemPage /> },
      { path: "search", element: <SearchPage /> },
      { path: "apply", element: <ApplyPage /> },
      { path: "track", element: <TrackPage /> },
      { path: "inquiries/ask", element: <AskPage /> },
      { path: "inquiries/track", element: <AnswerPage /> },
      { path: "annual-reports", element: <PublicAnnualReportsPage /> },
      { path: "annual-reports/:reportId", element: <PublicAnnualReportPage /> },
      { path: "hall/guide", element: <GuideSearchPage /> },
      { path: "hall/guide/:itemId", element: <GuideItemPage /> },
      { path: "hall/ticket", element: <TicketPage /> },
      { path: "hall/book", element: <BookPage /> },
      { path: "hall/rate", element: <RatePage /> },
      { path: "hall/complain", element: <ComplaintPage /> },
      { path: "login", element: <LoginPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
  {
    // The hall's display screen: full screen, without the portal's header.
    path: "/hall/board/:centreId",
    element: (
      <Suspense fallback={null}>
        <BoardPage />
      </Suspense>
    ),
    errorElement,
  },
  {
    // A window's rating tablet (评价器): full screen, without the portal's header.
    path: "/hall/rate/window/:windowId",
    element: (
      <Suspense fallback={null}>
        <TabletPage />
      </Suspense>
    ),
    errorElement,
  },
  {
    path: "/console",
    element: (
      <RequireStaff>
        <Suspense fallback={null}>
          <ConsoleLayout />
        </Suspense>
      </RequireStaff>
    ),
    errorElement,
    children: [
      { index: true, element: <ConsoleHome /> },
      { path: "units", element: <RequireRole path="/console/units"><UnitsPage /></RequireRole> },
      { path: "calendar", element: <CalendarPage /> },
      { path: "users", element: <RequireRole path="/console/users"><UsersPage /></RequireRole> },
      {
        path: "delivery",
        element: <RequireRole path="/console/delivery"><DeliveryPage /></RequireRole>,
      },
      { path: "audit", element: <RequireRole path="/console/audit"><AuditPage /></RequireRole> },
      { path: "items", element: <RequireRole path="/console/items"><ItemsPage /></RequireRole> },
      {
        path: "items/new",
        element: <RequireRole path="/console/items"><ItemEditorPage /></RequireRole>,
      },
      {
        path: "items/:itemId",
        element: <RequireRole path="/console/items"><ItemEditorPage /></RequireRole>,
      },
      { path: "review", element: <RequireRole path="/console/review"><ReviewPage /></RequireRole> },
      {
        path: "deadlines",
        element: <RequireRole path="/console/deadlines"><DeadlinesPage /></RequireRole>,
      },
      {
        path: "columns",
        element: <RequireRole path="/console/columns"><ColumnsPage /></RequireRole>,
      },
      {
        path: "applications",
        element: <RequireRole path="/console/applications"><InboxPage /></RequireRole>,
      },
      {
        path: "applications/register",
        element: <RequireRole path="/console/applications/register"><RegisterApplicationPage /></RequireRole>,
      },
      {
        path: "applications/:applicationId",
        element: <RequireRole path="/console/applications"><ApplicationPage /></RequireRole>,
      },
      {
        path: "inquiries",
        element: <RequireRole path="/console/inquiries"><InquiriesPage /></RequireRole>,
      },
      {
        path: "inquiries/:inquiryId",
        element: <RequireRole path="/console/inquiries"><InquiryPage /></RequireRole>,
      },
      {
        path: "hall/window",
        element: <RequireRole path="/console/hall/window"><WindowConsolePage /></RequireRole>,
      },
      {
        path: "hall/items",
        element: <RequireRole path="/console/hall/items"><HallItemsPage /></RequireRole>,
      },
      {
        path: "hall/items/:itemId",
        element: <RequireRole path="/console/hall/items"><HallItemEditorPage /></RequireRole>,
      },
      {
        path: "hall/centres",
        element: <RequireRole path="/console/hall/centres"><CentresPage /></RequireRole>,
      },
      {
        path: "hall/centres/:centreId",
        element: <RequireRole path="/console/hall/centres"><CentrePage /></RequireRole>,
      },
      {
        path: "hall/follow-ups",
        element: <RequireRole path="/console/hall/follow-ups"><FollowUpsPage /></RequireRole>,
      },
      {
        path: "hall/complaints",
        element: <RequireRole path="/console/hall/complaints"><ComplaintsPage /></RequireRole>,
      },
      {
        path: "hall/enforcement",
        element: <RequireRole path="/console/hall/enforcement"><EnforcementPage /></RequireRole>,
      },
      { path: "hall/cases", element: <RequireRole path="/console/hall/cases"><CasesPage /></RequireRole> },
      {
        path: "hall/cases/new",
        element: <RequireRole path="/console/hall/cases"><NewCasePage /></RequireRole>,
      },
      {
        path: "hall/cases/:caseId",
        element: <RequireRole path="/console/hall/cases"><CasePage /></RequireRole>,
      },
      {
        path: "hall/supervision",
        element: <RequireRole path="/console/hall/supervision"><SupervisionPage /></RequireRole>,
      },
      {
        path: "reports/annual",
        element: <RequireRole path="/console/reports/annual"><AnnualWorkspacePage /></RequireRole>,
      },
      {
        path: "reports/bulletins",
        element: <RequireRole path="/console/reports/bulletins"><BulletinsPage /></RequireRole>,
      },
      {
        path: "reports/figures",
        element: <RequireRole path="/console/reports/figures"><WorkFiguresPage /></RequireRole>,
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
