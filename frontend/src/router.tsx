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

export const router = createBrowserRouter([
  {
    path: "/",
    element: <PortalLayout />,
    errorElement: <ErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "units/:unitId", element: <UnitCataloguePage /> },
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
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
