import { lazyPage } from '../../app/lazyPage';

/**
 * The editor (TipTap, Yjs) is a chunk of its own, so the list stays light. Declared here, not in DocumentsPage, so
 * that the project sections can preload it for a deep link to a document.
 */
export const DocumentEditorPage = lazyPage(() => import('./DocumentEditorPage'), 'DocumentEditorPage');
