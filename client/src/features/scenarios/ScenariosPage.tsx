import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Route, Routes } from 'react-router';
import { q } from '../../api/queries';
import { TabNav } from '../../ui/TabNav';
import { useProjectContext } from '../projects/useProjectContext';
import { useLiveScenarios } from './useLiveScenarios';
import { ScenarioList } from './ScenarioList';
import { ScenarioDetail } from './ScenarioDetail';
import { ScenarioFormPage } from './ScenarioFormPage';
import { ComparisonPage } from './ComparisonPage';
import { ArbitrationsPage } from './ArbitrationsPage';
import { sm } from './messages';
import './scenarios.css';

/**
 * `/projets/:projectId/scenarios/*`: the list of scenarios, one scenario (figures, charts, rules), the form to build
 * or edit one, the comparison of 2 to 4, and the arbitration. Listens to the project's live events so that other
 * people's changes appear without reloading.
 */
export function ScenariosPage() {
  const { project } = useProjectContext();
  const me = useQuery(q.me());
  const [notice, setNotice] = useState('');
  const onOther = useCallback(() => setNotice(sm.changedBy(sm.someone)), []);
  const live = useLiveScenarios(project.id, me.data?.id, onOther);
  const base = `/projets/${project.id}/scenarios`;
  return (
    <div className="scn">
      <div className="scn-head">
        <h2>{sm.title}</h2>
        <span className={`scn-live scn-live-${live}`}>
          <span aria-hidden="true">● </span>
          {sm.live[live]}
        </span>
      </div>
      <p className="scn-change-notice" role="status" aria-live="polite">
        {notice}
      </p>
      <TabNav
        label={sm.nav}
        items={[
          { to: base, label: sm.list, end: true },
          { to: `${base}/comparer`, label: sm.compare },
          { to: `${base}/arbitrage`, label: sm.arbitrations },
        ]}
      />
      <Routes>
        <Route index element={<ScenarioList />} />
        <Route path="nouveau" element={<ScenarioFormPage />} />
        <Route path="comparer" element={<ComparisonPage />} />
        <Route path="arbitrage" element={<ArbitrationsPage />} />
        <Route path=":scenarioId" element={<ScenarioDetail />} />
        <Route path=":scenarioId/modifier" element={<ScenarioFormPage />} />
      </Routes>
    </div>
  );
}
