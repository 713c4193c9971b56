import type { Journey, Task } from '../api/types';

/** My day's logic: which tasks are overdue or due today, which journeys went quiet. */

export const STALE_AFTER_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export interface TaskBuckets<T extends Task = Task> {
  overdue: T[];
  today: T[];
  later: T[];
  undated: T[];
}

/** Open tasks by urgency in the user's time zone: past due, due later today, later, no date. */
export function taskBuckets<T extends Task>(tasks: readonly T[], now: Date, timeZone: string): TaskBuckets<T> {
  const buckets: TaskBuckets<T> = { overdue: [], today: [], later: [], undated: [] };
  const today = dayIn(now, timeZone);
  for (const task of tasks) {
    if (task.status !== 'open') continue;
    if (!task.dueAt) buckets.undated.push(task);
    else if (Date.parse(task.dueAt) < now.getTime()) buckets.overdue.push(task);
    else if (dayIn(new Date(task.dueAt), timeZone) === today) buckets.today.push(task);
    else buckets.later.push(task);
  }
  return buckets;
}

/** The last time anyone touched the journey: its last activity or its last stage move. */
export function lastTouch(journey: Pick<Journey, 'lastActivityAt' | 'stageEnteredAt'>): string {
  const { lastActivityAt, stageEnteredAt } = journey;
  return lastActivityAt && lastActivityAt > stageEnteredAt ? lastActivityAt : stageEnteredAt;
}

export function daysQuiet(journey: Pick<Journey, 'lastActivityAt' | 'stageEnteredAt'>, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(lastTouch(journey))) / DAY_MS));
}

/** Open journeys untouched for `days` days or more, the quietest first. */
export function staleJourneys(journeys: readonly Journey[], now: Date, days = STALE_AFTER_DAYS): Journey[] {
  return journeys
    .filter((j) => j.outcome === 'open' && daysQuiet(j, now) >= days)
    .sort((a, b) => lastTouch(a).localeCompare(lastTouch(b)));
}
