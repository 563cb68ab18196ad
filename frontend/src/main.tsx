import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { StrictMode, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router-dom";
import { ApiError } from "./api/errors";
import { setSession } from "./auth/store";
import { watchChineseNames } from "./components/shell/chineseNames";
import { themeFor } from "./components/shell/theme";
import { useCareMode } from "./lib/careMode";
import { router } from "./router";
import "./styles.css";

dayjs.locale("zh-cn");

// A deploy replaces the chunks, so a tab opened before it asks for files that are gone: load the
// new version instead, once (a second failure within a minute goes to the error page).
const RELOADED_AT = "sunshine.reloadedForChunks";
window.addEventListener("vite:preloadError", (event) => {
  const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
  if (!navigator.onLine || Date.now() - last < 60_000) return;
  event.preventDefault();
  sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  window.location.reload();
});

const queryClient = new QueryClient({
  queryCache: new QueryCache({
    // A 401 that survived the refresh means the session is over: forget it, the guard
    // then sends the user to the login page.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 401) setSession(null);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

/** antd in Chinese with the SPA's theme, the 长辈版 one while that mode is on (components/shell/theme.ts). */
function Themed({ children }: { children: ReactNode }) {
  const careMode = useCareMode();
  return (
    <ConfigProvider locale={zhCN} theme={themeFor(careMode)}>
      {children}
    </ConfigProvider>
  );
}

watchChineseNames(document.body);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Themed>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </Themed>
  </StrictMode>,
);
