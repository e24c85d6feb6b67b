import { Route, Routes } from 'react-router';
import { useProjectContext } from '../projects/useProjectContext';
import { RoundList } from './RoundList';
import { RoundForm } from './RoundForm';
import { RoundPage } from './RoundPage';
import { ProgrammePage } from './ProgrammePage';
import { FrozenVersionPage } from './FrozenVersionPage';
import { useLiveRounds } from './useLiveRounds';
import './rounds.css';

/**
 * `/projets/:projectId/tours-de-table/*`: the rounds of the project, the preparation form (facilitator), one round's
 * page, and the programmes communaux. One event stream keeps all of them live.
 */
export function RoundsPage() {
  const { project } = useProjectContext();
  useLiveRounds(project.id);
  return (
    <Routes>
      <Route index element={<RoundList />} />
      <Route path="nouveau" element={<RoundForm />} />
      <Route path="programmes" element={<ProgrammePage />} />
      <Route path=":roundId" element={<RoundPage />} />
      <Route path=":roundId/versions/:documentId/:versionId" element={<FrozenVersionPage />} />
    </Routes>
  );
}
