import { validPhone } from "./applications";

/** An e-mail address the office can send to, as the applications service checks it: one @, a
 * dotted domain, no spaces. */
export function validEmail(value: string): boolean {
  return /^[^@\s]+@[^@\s]+\.[^@\s.]+$/.test(value.trim());
}

/** A phone (mobile, or landline with its area code) or an e-mail address: how a consultation's
 * asker is reached (the service's `valid_contact`). */
export function validContact(value: string): boolean {
  return validPhone(value) || validEmail(value);
}
