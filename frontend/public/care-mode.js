// 长辈版 before the first paint: the class that styles.css and the antd theme (src/lib/careMode.ts)
// follow, set while the page is still blank. A file, not an inline script: the gateway's
// Content-Security-Policy allows only scripts from the site itself.
try {
  if (localStorage.getItem("sunshine.careMode") === "on") {
    document.documentElement.classList.add("care-mode");
  }
} catch {
  // Storage refused: the standard page.
}
