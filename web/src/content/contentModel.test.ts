import { describe, expect, it } from 'vitest';
import { checkUpload, fileBadge, formatBytes, inLanguage } from './contentModel';

describe('the content library model', () => {
  it('accepts a PDF under 25 MB and names the problem with anything else', () => {
    expect(checkUpload({ name: 'Studi kasus.PDF', size: 1000, type: 'application/pdf' })).toBeNull();
    expect(checkUpload(null)).toBe('required');
    expect(checkUpload({ name: 'a.pdf', size: 0, type: 'application/pdf' })).toBe('empty');
    expect(checkUpload({ name: 'a.mp4', size: 25 * 1024 * 1024 + 1, type: 'video/mp4' })).toBe('tooLarge');
    expect(checkUpload({ name: 'setup.exe', size: 10, type: 'application/x-msdownload' })).toBe('type');
    expect(checkUpload({ name: 'report.exe', size: 10, type: 'application/pdf' })).toBe('type');
  });

  it('formats sizes with one decimal under ten units', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(1536, 'id')).toBe('1,5 KB');
    expect(formatBytes(20 * 1024 * 1024, 'en')).toBe('20 MB');
    expect(formatBytes(null, 'en')).toBe('—');
  });

  it('picks the text in the user’s language, falling back to the other', () => {
    expect(inLanguage('en', 'Halo', 'Hello')).toBe('Hello');
    expect(inLanguage('id', 'Halo', 'Hello')).toBe('Halo');
    expect(inLanguage('en', 'Halo', '')).toBe('Halo');
  });

  it('labels an upload by its extension and a link by nothing', () => {
    expect(fileBadge({ kind: 'upload', fileName: 'deck.pptx' })).toBe('PPTX');
    expect(fileBadge({ kind: 'link', fileName: null })).toBeNull();
  });
});
