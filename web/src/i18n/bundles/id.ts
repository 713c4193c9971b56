import base from '../id.json';
import { mergeTrees, type Tree } from '../merge';

/** Every Indonesian string, one chunk: loaded only when Indonesian is the language in use. */
export default mergeTrees(base, import.meta.glob<Tree>('../../*/locales/id.json', { eager: true, import: 'default' }));
