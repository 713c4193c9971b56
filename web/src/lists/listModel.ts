/**
 * What every list screen shares, kept out of the components: the sort a header click
 * asks for, how a header announces its sort, and which columns the user chose (kept in
 * localStorage per list).
 */

export type SortDirection = 'ascending' | 'descending' | 'none';

/** The API sort parameter after clicking the header of `field`: ascending first, then descending. */
export function nextSort(current: string, field: string): string {
  if (current === field) return `-${field}`;
  return field;
}

/** aria-sort of a column header under the current sort parameter. */
export function sortDirection(current: string, field: string | undefined): SortDirection {
  if (!field) return 'none';
  if (current === field) return 'ascending';
  if (current === `-${field}`) return 'descending';
  return 'none';
}

export interface ColumnChoice {
  key: string;
  /** Shown unless the user hid it. */
  visible: boolean;
}

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function safeStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const PREFIX = 'difusi.columns.';

/**
 * The visible columns of a list: the saved choice, keeping only keys the list still has,
 * in the list's order; the defaults when nothing usable is saved. Never empty.
 */
export function loadColumns(list: string, allKeys: readonly string[], defaults: readonly string[], storage: StorageLike | null = safeStorage()): string[] {
  let saved: unknown = null;
  try {
    saved = JSON.parse(storage?.getItem(PREFIX + list) ?? 'null');
  } catch {
    saved = null;
  }
  if (Array.isArray(saved)) {
    const chosen = allKeys.filter((k) => saved.includes(k));
    if (chosen.length > 0) return chosen;
  }
  return allKeys.filter((k) => defaults.includes(k));
}

export function saveColumns(list: string, keys: readonly string[], storage: StorageLike | null = safeStorage()): void {
  try {
    storage?.setItem(PREFIX + list, JSON.stringify(keys));
  } catch {
    // storage full or disabled: the choice lasts for this page only
  }
}

/** Shows or hides one column; the last visible column stays. */
export function toggleColumn(visible: readonly string[], key: string, allKeys: readonly string[]): string[] {
  if (visible.includes(key)) return visible.length === 1 ? [...visible] : visible.filter((k) => k !== key);
  return allKeys.filter((k) => k === key || visible.includes(k));
}

/** List filters as API query parameters: empty values and "all" are left out. */
export function filterParams(filters: Record<string, string | null | undefined>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) if (value && value !== 'all') params[key] = value;
  return params;
}
