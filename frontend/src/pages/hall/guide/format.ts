// How the guide writes money and time limits: fen as yuan, working days in words.

/** 5000 → "50.00元"; 0 → "不收费". Integer fen only: never a float in between. */
export function feeText(fen: number): string {
  if (fen === 0) return "不收费";
  const yuan = Math.trunc(fen / 100);
  const cents = String(fen % 100).padStart(2, "0");
  return `${yuan.toLocaleString("zh-CN")}.${cents}元`;
}

/** The limit of an item: "当场办结" for 即办件, else "N个工作日". */
export function limitText(kind: string, days: number): string {
  return kind === "instant" || days === 0 ? "当场办结" : `${days}个工作日`;
}

/** 1536 → "1.5 KB". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} 字节`;
}

const BEIJING = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A stored (UTC) time as the offices read it: "2026-03-02 09:00", Beijing time. */
export function beijingTime(iso: string): string {
  const part = Object.fromEntries(BEIJING.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** The date of a stored time in Beijing: "2026-03-02". */
export function beijingDate(iso: string): string {
  return beijingTime(iso).slice(0, 10);
}
