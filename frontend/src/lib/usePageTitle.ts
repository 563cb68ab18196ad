import { useEffect } from "react";

const SITE = "阳光政务";

/**
 * Names the page in the browser's tab and for screen readers (无障碍: every page a `<title>`
 * that says where the visitor is). Call it once per page with the words of its `h1`; while a
 * page's own data loads, pass what is known (e.g. "信息详情") and the title when it arrives.
 */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} - ${SITE}` : SITE;
  }, [title]);
}
