/**
 * Working days: Monday to Friday, minus a configurable list of holidays (YYYY-MM-DD dates in the
 * workspace's time zone). Pure: the holiday list is passed in.
 */

export type IsoDate = string;

function parse(date: IsoDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

function format(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

export function isWeekend(date: IsoDate): boolean {
  const day = parse(date).getUTCDay();
  return day === 0 || day === 6;
}

export function isWorkingDay(date: IsoDate, holidays: ReadonlySet<IsoDate>): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/**
 * The date `n` working days after `start` (`start` itself never counts). With n = 0, `start` if
 * it is a working day, else the next working day — "due today" lands on a day people work.
 */
export function addWorkingDays(start: IsoDate, n: number, holidays: ReadonlySet<IsoDate>): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  let date = start;
  if (n === 0) {
    while (!isWorkingDay(date, holidays)) date = addCalendarDays(date, 1);
    return date;
  }
  let left = n;
  while (left > 0) {
    date = addCalendarDays(date, 1);
    if (isWorkingDay(date, holidays)) left -= 1;
  }
  return date;
}

/** The calendar date of an instant in a time zone (IANA name), e.g. Asia/Jakarta. */
export function localDate(at: Date, timeZone: string): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * The instant a task due on `date` falls due: the end of the working day (17:00) in the time
 * zone. The zone's offset is taken at that instant, so it also holds where clocks change.
 */
export function endOfWorkingDay(date: IsoDate, timeZone: string, hour = 17): string {
  const guess = new Date(`${date}T${String(hour).padStart(2, '0')}:00:00.000Z`);
  const shown = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(guess);
  const get = (type: string) => Number(shown.find((p) => p.type === type)?.value ?? '0');
  const asLocal = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const offset = asLocal - guess.getTime();
  return new Date(guess.getTime() - offset).toISOString();
}

export interface SeedHoliday {
  date: IsoDate;
  name: string;
}

/**
 * Indonesian public holidays and collective leave (cuti bersama) for 2026 from the joint
 * ministerial decree (SKB 3 Menteri, 19 September 2025); for 2027 the fixed-date and
 * Easter-based holidays, and the lunar ones estimated a Hijri year (354 days) after 2026,
 * marked "perkiraan" until the 2027 decree is published. Seeded once; admins edit the list.
 */
export const indonesianHolidays: readonly SeedHoliday[] = [
  { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi' },
  { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW' },
  { date: '2026-02-16', name: 'Cuti bersama Tahun Baru Imlek' },
  { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili' },
  { date: '2026-03-18', name: 'Cuti bersama Hari Suci Nyepi' },
  { date: '2026-03-19', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)' },
  { date: '2026-03-20', name: 'Cuti bersama Idulfitri' },
  { date: '2026-03-21', name: 'Idulfitri 1447 H' },
  { date: '2026-03-22', name: 'Idulfitri 1447 H' },
  { date: '2026-03-23', name: 'Cuti bersama Idulfitri' },
  { date: '2026-03-24', name: 'Cuti bersama Idulfitri' },
  { date: '2026-04-03', name: 'Wafat Yesus Kristus' },
  { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)' },
  { date: '2026-05-01', name: 'Hari Buruh Internasional' },
  { date: '2026-05-14', name: 'Kenaikan Yesus Kristus' },
  { date: '2026-05-15', name: 'Cuti bersama Kenaikan Yesus Kristus' },
  { date: '2026-05-27', name: 'Iduladha 1447 H' },
  { date: '2026-05-28', name: 'Cuti bersama Iduladha' },
  { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE' },
  { date: '2026-06-01', name: 'Hari Lahir Pancasila' },
  { date: '2026-06-16', name: 'Tahun Baru Islam 1448 H' },
  { date: '2026-08-17', name: 'Hari Proklamasi Kemerdekaan RI' },
  { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW' },
  { date: '2026-12-24', name: 'Cuti bersama Natal' },
  { date: '2026-12-25', name: 'Kelahiran Yesus Kristus (Natal)' },
  { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi' },
  { date: '2027-01-05', name: 'Isra Mikraj Nabi Muhammad SAW (perkiraan)' },
  { date: '2027-02-06', name: 'Tahun Baru Imlek 2578 Kongzili' },
  { date: '2027-03-10', name: 'Idulfitri 1448 H (perkiraan)' },
  { date: '2027-03-11', name: 'Idulfitri 1448 H (perkiraan)' },
  { date: '2027-03-26', name: 'Wafat Yesus Kristus' },
  { date: '2027-03-28', name: 'Kebangkitan Yesus Kristus (Paskah)' },
  { date: '2027-05-01', name: 'Hari Buruh Internasional' },
  { date: '2027-05-06', name: 'Kenaikan Yesus Kristus' },
  { date: '2027-05-16', name: 'Iduladha 1448 H (perkiraan)' },
  { date: '2027-06-01', name: 'Hari Lahir Pancasila' },
  { date: '2027-06-05', name: 'Tahun Baru Islam 1449 H (perkiraan)' },
  { date: '2027-08-14', name: 'Maulid Nabi Muhammad SAW (perkiraan)' },
  { date: '2027-08-17', name: 'Hari Proklamasi Kemerdekaan RI' },
  { date: '2027-12-25', name: 'Kelahiran Yesus Kristus (Natal)' },
];
