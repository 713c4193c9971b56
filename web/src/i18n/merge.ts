/** A language's strings: the shared file of this folder plus every feature's own file for it. */
export type Tree = Record<string, unknown>;

/** Each feature file holds its own top-level keys; the translations test reports any clash. */
export function mergeTrees(base: Tree, features: Record<string, Tree>): Tree {
  const out: Tree = { ...base };
  for (const tree of Object.values(features)) Object.assign(out, tree);
  return out;
}
