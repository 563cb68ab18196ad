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
