// What the body editor lets an author link to and show, checked before the catalog service sees
// it: the same rules it applies when it saves (items/service.py `sanitise`), said in the dialog
// rather than found missing afterwards.

/** Where an item's attachment is downloaded; an image uploaded in the editor points here. */
export const attachmentUrl = (attachmentId: number) => `/api/catalog/attachments/${attachmentId}/download`;

const ATTACHMENT = /^\/api\/catalog\/attachments\/(\d+)\/download$/;

/** The attachment an image of the body shows, if it is one of ours. */
export function attachmentIdOf(src: string): number | undefined {
  const match = ATTACHMENT.exec(src);
  return match ? Number(match[1]) : undefined;
}

export type Checked = { ok: true; url: string } | { ok: false; reason: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A link's address as typed: web addresses (http, https; "www.…" becomes https), e-mail
 * (mailto:, or a bare address), and paths of this site ("/items/12"). Anything else (javascript:,
 * data:, file: …) is refused with the reason.
 */
export function checkLink(typed: string): Checked {
  const url = typed.trim();
  if (!url) return { ok: false, reason: "请输入链接地址" };
  if (/\s/.test(url)) return { ok: false, reason: "链接地址中不能有空格" };
  if (url.startsWith("/") && !url.startsWith("//")) return { ok: true, url };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (!scheme && EMAIL.test(url)) return { ok: true, url: `mailto:${url}` };
  if (!scheme && /^www\./i.test(url)) return checkLink(`https://${url}`);
  if (scheme === "mailto") {
    return EMAIL.test(url.slice("mailto:".length)) ? { ok: true, url } : { ok: false, reason: "电子邮箱地址不正确" };
  }
  if (scheme === "http" || scheme === "https") {
    try {
      const parsed = new URL(url);
      if (!parsed.hostname.includes(".") && parsed.hostname !== "localhost") throw new Error();
      return { ok: true, url };
    } catch {
      return { ok: false, reason: "网址不正确" };
    }
  }
  return { ok: false, reason: "只能链接到 http、https 网址或电子邮箱（mailto）" };
}

/**
 * An image's address: only this site's (an attachment of the item, uploaded here, or another
 * page of the portal). The catalog removes images from other sites when it saves, so that no
 * other server learns who reads the page; the author is told so now.
 */
export function checkImageSource(typed: string): Checked {
  const url = typed.trim();
  if (!url) return { ok: false, reason: "请输入图片地址" };
  if (url.startsWith("/") && !url.startsWith("//") && !/\s/.test(url)) return { ok: true, url };
  try {
    const parsed = new URL(url);
    if (parsed.origin === window.location.origin) return { ok: true, url: parsed.pathname + parsed.search };
  } catch {
    return { ok: false, reason: "图片地址不正确" };
  }
  return {
    ok: false,
    reason: "不能引用其他网站的图片（保存时会被移除，以免泄露读者信息）：请先下载，再作为图片上传",
  };
}

/** What an uploaded image says to screen readers until the author writes better: its file name. */
export const imageAlt = (fileName: string) => fileName.replace(/\.[^.]+$/, "");
