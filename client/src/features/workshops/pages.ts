import { lazyPage } from '../../app/lazyPage';

/**
 * The room embeds the editor (TipTap, Yjs): a chunk of its own, like the form and the summary. Declared here so that
 * the project sections can preload them for a deep link to a séance.
 */
export const SeanceRoom = lazyPage(() => import('./SeanceRoom'), 'SeanceRoom');
export const SeanceFormPage = lazyPage(() => import('./SeanceFormPage'), 'SeanceFormPage');
export const SeanceSummaryPage = lazyPage(() => import('./SeanceSummaryPage'), 'SeanceSummaryPage');
