import { Route, Routes } from 'react-router';
import { DocumentList } from './DocumentList';
import { DocumentEditorPage } from './pages';
import './documents.css';

/** `/projets/:projectId/documents/*`: the list of the project's documents and the editor of one. */
export function DocumentsPage() {
  return (
    <Routes>
      <Route index element={<DocumentList />} />
      <Route path=":documentId" element={<DocumentEditorPage />} />
    </Routes>
  );
}
