import { useQuery } from '@tanstack/react-query';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { commentQ, useCommentMutations } from './api';
import { cm } from './messages';

/**
 * The facilitator's switch: may the people who co-write the documents accept or reject amendments too (by default
 * only the facilitator and administrators decide)? Shown only to whoever may change the project.
 */
export function AmendmentSettings({ projectId }: { projectId: string }) {
  const settings = useQuery(commentQ.settings(projectId));
  const { settings: save } = useCommentMutations(projectId);
  if (!settings.data) return null;
  return (
    <div className="comment-settings">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.data.editorsDecideAmendments}
          disabled={save.isPending}
          onChange={(e) => save.mutate(e.target.checked)}
        />
        {cm.settings}
      </label>
      {save.isError ? <ErrorMessage error={save.error} /> : null}
    </div>
  );
}
