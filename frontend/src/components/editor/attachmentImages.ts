// Images of an unpublished item are its attachments, which only the unit's staff may download:
// an <img> cannot send the staff token, so the editor and the preview fetch them through the
// API client and show them from object URLs. Published items' images load as on the portal.
import { useEffect, useState } from "react";
import { downloadAttachment } from "../../api/queries/catalog";
import { attachmentIdOf } from "./urls";

const fetched = new Map<number, Promise<string>>();

/** An object URL of the attachment, fetched once per page load. */
export function attachmentObjectUrl(attachmentId: number): Promise<string> {
  let url = fetched.get(attachmentId);
  if (!url) {
    url = downloadAttachment(attachmentId).then((blob) => URL.createObjectURL(blob));
    // A failed download is asked again next time (the file may have been uploaded since).
    url.catch(() => fetched.delete(attachmentId));
    fetched.set(attachmentId, url);
  }
  return url;
}

/** What an image of the body shows: our attachment through the client, anything else as it is. */
export function useImageSource(src: string): string {
  const attachmentId = attachmentIdOf(src);
  const [loaded, setLoaded] = useState<{ src: string; url: string } | null>(null);
  useEffect(() => {
    if (attachmentId === undefined) return;
    let current = true;
    attachmentObjectUrl(attachmentId).then(
      (url) => current && setLoaded({ src, url }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [attachmentId, src]);
  return loaded?.src === src ? loaded.url : src;
}

const IMAGE_SOURCE = /(<img\b[^>]*?\ssrc=")([^"]*)(")/g;

/** The body with its attachment images shown from object URLs, once they are fetched. */
export function useBodyWithImages(html: string): string {
  const [urls, setUrls] = useState<Map<number, string>>(new Map());
  useEffect(() => {
    let current = true;
    const ids = [...html.matchAll(IMAGE_SOURCE)].flatMap((m) => {
      const id = attachmentIdOf(m[2] ?? "");
      return id === undefined ? [] : [id];
    });
    Promise.allSettled(ids.map(async (id) => [id, await attachmentObjectUrl(id)] as const)).then((answers) => {
      if (!current) return;
      setUrls(new Map(answers.flatMap((a) => (a.status === "fulfilled" ? [a.value] : []))));
    });
    return () => {
      current = false;
    };
  }, [html]);
  return html.replace(IMAGE_SOURCE, (whole, before: string, src: string, after: string) => {
    const id = attachmentIdOf(src);
    const url = id === undefined ? undefined : urls.get(id);
    return url ? `${before}${url}${after}` : whole;
  });
}
