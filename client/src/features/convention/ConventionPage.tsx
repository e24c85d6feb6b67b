import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Route, Routes } from 'react-router';
import { q } from '../../api/queries';
import { TabNav } from '../../ui/TabNav';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useProjectContext } from '../projects/useProjectContext';
import { useLiveConvention } from './useLiveConvention';
import { ConventionHome } from './ConventionHome';
import { ActionPlanPage } from './ActionPlanPage';
import { DeliberationsPage } from './DeliberationsPage';
import { FollowUpPage } from './FollowUpPage';
import { cm } from './messages';
import './convention.css';

/**
 * `/projets/:projectId/convention/*`: after the arbitration — the generated texts (cadre stratégique, convention with
 * annexes, fiche d'impact) and their export, the action plan, each council's deliberation, avenants, withdrawals and
 * annual evaluations. Other people's changes arrive through the project's live events.
 */
export function ConventionPage() {
  const { project } = useProjectContext();
  const me = useQuery(q.me());
  const [notice, setNotice] = useState('');
  const onOther = useCallback(() => setNotice(cm.changedBy), []);
  const live = useLiveConvention(project.id, me.data?.id, onOther);
  useDocumentTitle(cm.title, project.title);
  const base = `/projets/${project.id}/convention`;
  return (
    <div className="conv">
      <div className="conv-head">
        <h2>{cm.title}</h2>
        <span className={`conv-live conv-live-${live}`}>
          <span aria-hidden="true">● </span>
          {cm.live[live]}
        </span>
      </div>
      <p className="conv-notice" role="status" aria-live="polite">
        {notice}
      </p>
      <TabNav
        label={cm.nav}
        items={[
          { to: base, label: cm.tabs.convention, end: true },
          { to: `${base}/plan-actions`, label: cm.tabs.plan },
          { to: `${base}/deliberations`, label: cm.tabs.deliberations },
          { to: `${base}/suivi`, label: cm.tabs.followUp },
        ]}
      />
      <Routes>
        <Route index element={<ConventionHome />} />
        <Route path="plan-actions" element={<ActionPlanPage />} />
        <Route path="deliberations" element={<DeliberationsPage />} />
        <Route path="suivi" element={<FollowUpPage />} />
      </Routes>
    </div>
  );
}
