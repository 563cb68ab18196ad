import dayjs from "dayjs";

export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format("YYYY-MM-DD HH:mm:ss") : "—";
}

/**
 * Dates typed by an operator, one per line or separated by commas or spaces, in YYYY-MM-DD.
 * Returns the dates and the pieces that are not valid dates, so the form can name them.
 */
export function parseDateList(text: string): { dates: string[]; invalid: string[] } {
  const pieces = text
    .split(/[\s,，、;；]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const dates: string[] = [];
  const invalid: string[] = [];
  for (const piece of pieces) {
    const parsed = dayjs(piece);
    if (/^\d{4}-\d{2}-\d{2}$/.test(piece) && parsed.isValid() && parsed.format("YYYY-MM-DD") === piece) {
      if (!dates.includes(piece)) dates.push(piece);
    } else {
      invalid.push(piece);
    }
  }
  return { dates: dates.sort(), invalid };
}

const BEIJING_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * Today where the offices are, whatever the browser's time zone: the legal dates (received,
 * formed, changed) are Beijing dates, as on the server (sunshine_kit.workdays.today). Between
 * 16:00 and 24:00 UTC a browser on UTC would otherwise offer yesterday.
 */
export function officeToday(now: Date = new Date()): dayjs.Dayjs {
  return dayjs(BEIJING_DATE.format(now));
}
