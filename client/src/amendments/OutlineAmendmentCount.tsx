import { useTranslation } from 'react-i18next';
import type { TreeNode } from '../outline/buildTree';
import { openThreadsIn } from '../outline/rollUpCommentCounts';

/** An outline entry's open amendments (its own and those of the clauses inside it), as text. */
export function OutlineAmendmentCount({
  node,
  counts,
}: {
  node: TreeNode;
  counts: Readonly<Record<string, number>>;
}) {
  const { t } = useTranslation();
  const count = openThreadsIn(node, counts);
  if (count === 0) return null;
  return (
    <span
      className="outline__amendments amendments-marker"
      data-testid="outline-amendments"
      title={t('amendments.marker', { count })}
    >
      § {count}
      <span className="visually-hidden"> {t('amendments.marker', { count })}</span>
    </span>
  );
}
