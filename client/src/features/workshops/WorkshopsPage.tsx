import { Route, Routes } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import { SeanceList } from './SeanceList';
import './workshops.css';

// The room embeds the editor (TipTap, Yjs): a chunk of its own, like the form and the summary.
const SeanceRoom = lazyPage(() => import('./SeanceRoom'), 'SeanceRoom');
const SeanceFormPage = lazyPage(() => import('./SeanceFormPage'), 'SeanceFormPage');
const SeanceSummaryPage = lazyPage(() => import('./SeanceSummaryPage'), 'SeanceSummaryPage');

/** `/projets/:projectId/seances/*`: the list, the preparation form, the live room and the summary of a séance. */
export function WorkshopsPage() {
  return (
    <Routes>
      <Route index element={<SeanceList />} />
      <Route path="nouvelle" element={<SeanceFormPage />} />
      <Route path=":seanceId" element={<SeanceRoom />} />
      <Route path=":seanceId/modifier" element={<SeanceFormPage />} />
      <Route path=":seanceId/synthese" element={<SeanceSummaryPage />} />
    </Routes>
  );
}
