// The before/after of one field as people compare them: short values side by side, long texts
// (an item's body, a reason) cut down to what changed with a little context on either side.

export type Segment =
  | { kind: "same"; text: string }
  | { kind: "removed"; text: string }
  | { kind: "added"; text: string }
  | { kind: "gap" };

/** Values up to this long are shown whole (old → new); longer ones as a diff. */
export const SHORT = 40;
/** Characters kept around a change. */
export const CONTEXT = 12;

export function isLong(before: string, after: string): boolean {
  return before.length > SHORT || after.length > SHORT;
}

/**
 * What changed between two texts, as one run: the common beginning and end shortened to
 * `context` characters, the differing middle as removed and added text. Chinese has no spaces,
 * so the unit is the character (a word diff would need a segmenter for no better reading).
 */
export function textDiff(before: string, after: string, context = CONTEXT): Segment[] {
  const a = Array.from(before);
  const b = Array.from(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  ) {
    end++;
  }
  const segments: Segment[] = [];
  if (start > context) segments.push({ kind: "gap" });
  const lead = a.slice(Math.max(0, start - context), start).join("");
  if (lead) segments.push({ kind: "same", text: lead });
  const removed = a.slice(start, a.length - end).join("");
  const added = b.slice(start, b.length - end).join("");
  if (removed) segments.push({ kind: "removed", text: removed });
  if (added) segments.push({ kind: "added", text: added });
  const tail = a.slice(a.length - end, a.length - end + context).join("");
  if (tail) segments.push({ kind: "same", text: tail });
  if (end > context) segments.push({ kind: "gap" });
  return segments;
}

/** A long value shown alone (a field of a new record): its beginning. */
export function shortened(text: string, limit = 120): string {
  const chars = Array.from(text);
  return chars.length <= limit ? text : `${chars.slice(0, limit).join("")}…`;
}
