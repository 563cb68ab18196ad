// The words of the services' codes come from the services (GET …/vocabulary): a status, a role,
// a step is shown by looking its value up in the served list, never from a table kept here.

/** One value of an enumeration and its label, in the order the service lists them. */
export interface Term {
  value: string;
  label: string;
}

/**
 * The label of `value` in `terms`. Nothing while the terms are still loading (undefined); the
 * code itself for a value the list does not have, so a new value is seen rather than hidden.
 */
export function labelOf(terms: readonly Term[] | undefined, value: string | null | undefined): string {
  if (value === null || value === undefined || terms === undefined) return "";
  return terms.find((term) => term.value === value)?.label ?? value;
}

/** The terms as options of a Select typed by the generated enum (the service sends only its values). */
export function optionsOf<V extends string>(terms: readonly Term[] | undefined): { value: V; label: string }[] {
  return (terms ?? []).map(({ value, label }) => ({ value: value as V, label }));
}

/** `value` when the service lists it (a filter read from an address), otherwise undefined. */
export function knownValue<V extends string>(terms: readonly Term[] | undefined, value: string | null): V | undefined {
  return terms?.some((term) => term.value === value) ? (value as V) : undefined;
}
