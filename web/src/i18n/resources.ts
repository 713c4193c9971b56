import en from './en.json';
import id from './id.json';

/**
 * Both languages at once, for the translations test (the app loads one language at a time
 * through `bundles/`). The UI's strings: the shared ones in this folder, plus each feature's own in
 * `web/src/<feature>/locales/{id,en}.json` (picked up here by file name, so adding a screen
 * never touches this file). A feature file holds its own top-level keys, e.g. `{ "segments": … }`;
 * two files defining the same top-level key is an error the translations test reports.
 */
type Tree = Record<string, unknown>;

const featureFiles = import.meta.glob<Tree>('../*/locales/*.json', { eager: true, import: 'default' });

function merge(base: Tree, lang: 'id' | 'en'): Tree {
  const out: Tree = { ...base };
  for (const [path, tree] of Object.entries(featureFiles)) {
    if (!path.endsWith(`/${lang}.json`)) continue;
    Object.assign(out, tree);
  }
  return out;
}

export const resources = { id: merge(id, 'id'), en: merge(en, 'en') };

/** Top-level keys defined by more than one file, per language: must be empty. */
export function duplicateNamespaces(): string[] {
  const seen = new Map<string, string>();
  const clashes: string[] = [];
  for (const lang of ['id', 'en'] as const) {
    seen.clear();
    for (const key of Object.keys(lang === 'id' ? id : en)) seen.set(key, `i18n/${lang}.json`);
    for (const [path, tree] of Object.entries(featureFiles)) {
      if (!path.endsWith(`/${lang}.json`)) continue;
      for (const key of Object.keys(tree)) {
        const before = seen.get(key);
        if (before) clashes.push(`${lang}: "${key}" in ${before} and ${path}`);
        seen.set(key, path);
      }
    }
  }
  return clashes;
}
