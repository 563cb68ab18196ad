import { describe, expect, it } from "vitest";
import { attachmentIdOf, checkImageSource, checkLink, imageAlt } from "./urls";

describe("checkLink", () => {
  it("takes web addresses, e-mail and this site's paths", () => {
    expect(checkLink(" https://www.gov.cn/ ")).toEqual({ ok: true, url: "https://www.gov.cn/" });
    expect(checkLink("http://jinhua.gov.cn/a?b=1")).toEqual({ ok: true, url: "http://jinhua.gov.cn/a?b=1" });
    expect(checkLink("www.gov.cn")).toEqual({ ok: true, url: "https://www.gov.cn" });
    expect(checkLink("zwgk@jinhua.gov.cn")).toEqual({ ok: true, url: "mailto:zwgk@jinhua.gov.cn" });
    expect(checkLink("mailto:zwgk@jinhua.gov.cn")).toEqual({ ok: true, url: "mailto:zwgk@jinhua.gov.cn" });
    expect(checkLink("/items/12")).toEqual({ ok: true, url: "/items/12" });
  });

  it("refuses scripts and other schemes, with the reason", () => {
    for (const bad of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "file:///etc/passwd", "vbscript:x"]) {
      expect(checkLink(bad)).toEqual({ ok: false, reason: "只能链接到 http、https 网址或电子邮箱（mailto）" });
    }
    expect(checkLink("")).toEqual({ ok: false, reason: "请输入链接地址" });
    expect(checkLink("//evil.example.com/")).toMatchObject({ ok: false });
    expect(checkLink("https://gov cn")).toEqual({ ok: false, reason: "链接地址中不能有空格" });
    expect(checkLink("mailto:nobody")).toEqual({ ok: false, reason: "电子邮箱地址不正确" });
  });
});

describe("checkImageSource", () => {
  it("takes this site's images only, saying why not another's", () => {
    expect(checkImageSource("/api/catalog/attachments/7/download")).toEqual({
      ok: true,
      url: "/api/catalog/attachments/7/download",
    });
    expect(checkImageSource(`${window.location.origin}/images/map.png`)).toEqual({ ok: true, url: "/images/map.png" });
    const outside = checkImageSource("https://stats.example.com/pixel.gif");
    expect(outside.ok).toBe(false);
    expect(!outside.ok && outside.reason).toContain("不能引用其他网站的图片");
    expect(checkImageSource("//cdn.example.com/a.png").ok).toBe(false);
  });
});

describe("attachments as images", () => {
  it("knows its own attachments' addresses", () => {
    expect(attachmentIdOf("/api/catalog/attachments/42/download")).toBe(42);
    expect(attachmentIdOf("/api/catalog/attachments/42/download?x")).toBeUndefined();
    expect(attachmentIdOf("https://example.com/api/catalog/attachments/42/download")).toBeUndefined();
    expect(imageAlt("划片范围图.2026.png")).toBe("划片范围图.2026");
  });
});
