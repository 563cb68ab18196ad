import type { MouseEvent } from "react";

/** Focuses the page's `<main id="main">` (tabIndex -1), as a keyboard or screen-reader user expects. */
export function focusMain(event?: MouseEvent): void {
  const main = document.getElementById("main");
  if (!main) return;
  event?.preventDefault();
  // Focusing scrolls it into view as well.
  main.focus();
}

/**
 * 跳到主要内容: the first thing a keyboard reaches on every layout (GB/T 37668 "跳过导航"), out of
 * sight until focused. A real link to #main, which the click handler follows without adding the
 * fragment to the router's address.
 */
export function SkipLink() {
  return (
    <a className="skip-link" href="#main" onClick={focusMain}>
      跳到主要内容
    </a>
  );
}
