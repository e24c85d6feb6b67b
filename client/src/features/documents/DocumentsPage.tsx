import { Route, Routes } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import { DocumentList } from './DocumentList';
import './documents.css';

// The editor (TipTap, Yjs) is a chunk of its own: the list stays light.
const DocumentEditorPage = lazyPage(() => import('./DocumentEditorPage'), 'DocumentEditorPage');

/** `/projets/:projectId/documents/*`: the list of the project's documents and the editor of one. */
export function DocumentsPage() {
  return (
    <Routes>
      <Route index element={<DocumentList />} />
      <Route path=":documentId" element={<DocumentEditorPage />} />
    </Routes>
  );
}
