import { Route, Routes } from 'react-router';
import { SeanceList } from './SeanceList';
import { SeanceFormPage, SeanceRoom, SeanceSummaryPage } from './pages';
import './workshops.css';

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
