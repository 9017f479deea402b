/**
 * The check digit of an Israeli identity, company (ח״פ) or VAT dealer (עוסק מורשה) number, the same
 * rule as service-kit's `IsraeliIds`: exactly nine digits (spaces and hyphens dropped); each digit
 * times 1 or 2 in turn, a two-digit product replaced by the sum of its digits; the total divides by 10.
 */
export function isValidIsraeliId(text: string): boolean {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    const product = Number(digits[i]) * ((i % 2) + 1);
    sum += product > 9 ? product - 9 : product;
  }
  return sum % 10 === 0;
}

/** The Hebrew message for a typed number that cannot be valid, or undefined when it is empty or fine. */
export function israeliIdError(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (!/^\d{9}$/.test(trimmed.replace(/[\s-]/g, ''))) return 'מספר העוסק צריך להכיל 9 ספרות';
  if (!isValidIsraeliId(trimmed))
    return 'ספרת הביקורת של מספר העוסק / ח״פ אינה תקינה. כדאי לבדוק שוב את הספרות';
  return undefined;
}
