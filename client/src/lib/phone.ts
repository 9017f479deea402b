import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js';

/*
 * The suite's one phone-number rule, the same as the server's PhoneNumbers (service-kit): a number
 * is read as Israeli unless it says otherwise, stored as E.164, and accepted when its length is
 * possible and its digits fit its country's numbering plan (libphonenumber-js's default metadata
 * checks exactly that).
 */

export const INVALID_PHONE = 'מספר הטלפון אינו תקין. לדוגמה: 050-1234567';

const DIRECTION_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Digits and the punctuation people write between them; letters and extensions are not a number. */
const WRITTEN = /^[+\d\s\p{Z}\p{Pd}()./]{1,64}$/u;

function parse(input: string | null | undefined): PhoneNumber | undefined {
  if (!input) return undefined;
  const written = input.replace(DIRECTION_MARKS, '').trim();
  if (!WRITTEN.test(written)) return undefined;
  const number = parsePhoneNumberFromString(written, 'IL');
  return number?.isPossible() && number.isValid() ? number : undefined;
}

/** The number in E.164, or undefined when the input is not a phone number. */
export function normalisePhone(input: string | null | undefined): string | undefined {
  return parse(input)?.number;
}

export function isValidPhone(input: string | null | undefined): boolean {
  return parse(input) !== undefined;
}

/** Israeli numbers as written at home (050-123-4567, 1-700-500-500), others internationally. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  const number = parse(e164);
  if (!number) return e164;
  return number.countryCallingCode === '972'
    ? number.formatNational()
    : number.formatInternational();
}
