/** The date forms a card accepts, for messages. */
export const dateForms = 'YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2022, 2022-09 or 2022-09-30)';

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * The ISO form (YYYY-MM-DD or YYYY-MM) of a date written another way, when it can be read without
 * guessing: "September 2022", "Sept. 2022", "5 March 2019", "March 5th, 2019", "2020/02/02",
 * "2022-9-5". Day-first or month-first numbers ("02/03/2020") are ambiguous: undefined.
 */
export function isoDate(text: string): string | undefined {
  const written = text.trim();
  const numeric = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(written);
  if (numeric) return isoParts(numeric[1], Number(numeric[2]), numeric[3] === undefined ? undefined : Number(numeric[3]));
  const monthYear = /^([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(written);
  if (monthYear) return isoParts(monthYear[2], monthNumber(monthYear[1]));
  const dayMonthYear = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(written);
  if (dayMonthYear) return isoParts(dayMonthYear[3], monthNumber(dayMonthYear[2]), Number(dayMonthYear[1]));
  const monthDayYear = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(written);
  if (monthDayYear) return isoParts(monthDayYear[3], monthNumber(monthDayYear[1]), Number(monthDayYear[2]));
  return undefined;
}

/** 1–12 for an English month name or its abbreviation ("Sep", "Sept"), else undefined. */
function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase() === 'sept' ? 'sep' : name.toLowerCase();
  const index = lower.length < 3 ? -1 : monthNames.findIndex((month) => month.startsWith(lower));
  return index < 0 ? undefined : index + 1;
}

function isoParts(year: string, month: number | undefined, day?: number): string | undefined {
  if (month === undefined || month < 1 || month > 12) return undefined;
  const yearMonth = `${year}-${String(month).padStart(2, '0')}`;
  if (day === undefined) return yearMonth;
  const daysInMonth = new Date(Date.UTC(Number(year), month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth ? `${yearMonth}-${String(day).padStart(2, '0')}` : undefined;
}
