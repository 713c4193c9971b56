import { can } from '../../../src/domain/policy';
import { MAX_UPLOAD_BYTES, allowedUploadTypes } from '../../../src/shared/contentFiles';
import type { User } from '../api/types';
import { actorOf } from '../auth/permissions';

/** Content, positioning and playbook content: marcomm, product specialists and admins write (src/domain/policy.ts). */
export function canWriteContent(user: Pick<User, 'id' | 'role' | 'teamId'> | null | undefined): boolean {
  return !!user && can(actorOf(user), 'write', { type: 'content' });
}

export function canWritePlaybookContent(user: Pick<User, 'id' | 'role' | 'teamId'> | null | undefined): boolean {
  return !!user && can(actorOf(user), 'write', { type: 'playbook_content' });
}

export const uploadAccept = Object.entries(allowedUploadTypes)
  .flatMap(([type, extensions]) => [type, ...extensions])
  .join(',');

export type UploadProblem = 'required' | 'tooLarge' | 'type' | 'empty';

/** The same checks the server makes, so the user hears before sending 25 MB for nothing. */
export function checkUpload(file: Pick<File, 'name' | 'size' | 'type'> | null): UploadProblem | null {
  if (!file) return 'required';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_UPLOAD_BYTES) return 'tooLarge';
  const extensions = allowedUploadTypes[file.type];
  const dot = file.name.lastIndexOf('.');
  const extension = dot >= 0 ? file.name.slice(dot).toLowerCase() : '';
  if (!extensions || !extensions.includes(extension)) return 'type';
  return null;
}

export const maxUploadMb = MAX_UPLOAD_BYTES / 1024 / 1024;

/** 1536 → "1.5 KB" (decimal places only under 10). */
export function formatBytes(bytes: number | null, locale: string): string {
  if (bytes === null) return '—';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** Text in the user's language, falling back to the other one. */
export function inLanguage(language: string, idText: string, enText: string): string {
  return language.startsWith('en') ? enText || idText : idText || enText;
}

/** A short label for the kind of file ("PDF", "MP4", "Link"). */
export function fileBadge(item: { kind: 'upload' | 'link'; fileName: string | null }): string | null {
  if (item.kind === 'link' || !item.fileName) return null;
  const dot = item.fileName.lastIndexOf('.');
  return dot >= 0 ? item.fileName.slice(dot + 1).toUpperCase() : null;
}
