import { Navigate } from "react-router-dom";
import { useCurrentUser } from "../../../auth/useAuth";
import { can } from "../../../lib/navigation";
import { OverviewPage } from "../../console/OverviewPage";

/** The console's first page: a window clerk's is their window (the hall is their work); the
 * others' is the overview. The office also serves at windows now and then, but manages the hall
 * first, so it keeps the overview. */
export function ConsoleHome() {
  const user = useCurrentUser();
  if (can(user, "serve_at_window") && !can(user, "manage_hall")) {
    return <Navigate to="/console/hall/window" replace />;
  }
  return <OverviewPage />;
}
