import base from '../en.json';
import { mergeTrees, type Tree } from '../merge';

/** Every English string, one chunk: loaded only when English is the language in use. */
export default mergeTrees(base, import.meta.glob<Tree>('../../*/locales/en.json', { eager: true, import: 'default' }));
