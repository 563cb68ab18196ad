import { createBrowserRouter } from "react-router-dom";
import { RequireRole, RequireStaff } from "./auth/guards";
import { ConsoleLayout } from "./layouts/ConsoleLayout";
import { PortalLayout } from "./layouts/PortalLayout";
import { AuditPage } from "./pages/console/AuditPage";
import { CalendarPage } from "./pages/console/CalendarPage";
import { DeliveryPage } from "./pages/console/DeliveryPage";
import { OverviewPage } from "./pages/console/OverviewPage";
import { UnitsPage } from "./pages/console/UnitsPage";
import { UsersPage } from "./pages/console/UsersPage";
import { ErrorPage } from "./pages/ErrorPage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { HomePage } from "./pages/portal/HomePage";
import { UnitCataloguePage } from "./pages/portal/UnitCataloguePage";
import { ItemPage } from "./pages/catalog/ItemPage";
import { SearchPage } from "./pages/catalog/SearchPage";
import { ColumnsPage } from "./pages/catalog/console/ColumnsPage";
import { DeadlinesPage } from "./pages/catalog/console/DeadlinesPage";
import { ItemEditorPage } from "./pages/catalog/console/ItemEditorPage";
import { ItemsPage } from "./pages/catalog/console/ItemsPage";
import { ReviewPage } from "./pages/catalog/console/ReviewPage";
import { ApplicationPage } from "./pages/applications/ApplicationPage";
import { ApplyPage } from "./pages/applications/ApplyPage";
import { InboxPage } from "./pages/applications/InboxPage";
import { TrackPage } from "./pages/applications/TrackPage";

export const router = createBrowserRouter([
  {
    path: "/",
    element: <PortalLayout />,
    errorElement: <ErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "units/:unitId", element: <UnitCataloguePage /> },
      { path: "items/:itemId", element: <ItemPage /> },
      { path: "search", element: <SearchPage /> },
      { path: "apply", element: <ApplyPage /> },
      { path: "track", element: <TrackPage /> },
      { path: "login", element: <LoginPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
  {
    path: "/console",
    element: (
      <RequireStaff>
        <ConsoleLayout />
      </RequireStaff>
    ),
    errorElement: <ErrorPage />,
    children: [
      { index: true, element: <OverviewPage /> },
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
        path: "applications/:applicationId",
        element: <RequireRole path="/console/applications"><ApplicationPage /></RequireRole>,
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
