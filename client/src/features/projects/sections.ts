import type { ComponentType } from 'react';
import { messages } from '../../i18n/messages';
import { lazyPage, type PreloadablePage } from '../../app/lazyPage';
import { DocumentEditorPage } from '../documents/pages';
import { SeanceFormPage, SeanceRoom, SeanceSummaryPage } from '../workshops/pages';

/** Identifier of a project section (also its key in `messages.sections`). */
export type ProjectSectionKey = keyof typeof messages.sections & ('documents' | 'diagnostic' | 'scenarios' | 'rounds' | 'workshops' | 'convention');

/** A tab of the project page and the route behind it. */
export type ProjectSection = {
  key: ProjectSectionKey;
  /** Path segment under `/projets/:projectId/`. */
  path: string;
  label: string;
  /** What the section will hold, shown while it is not open. */
  description: string;
  /** The page once the feature exists (a `lazyPage(...)`); absent means « pas encore ouverte ». */
  page?: ComponentType;
  /** Lazy pages the section routes below its root (a document, a séance): preloaded for a deep link. */
  subPages?: PreloadablePage[];
};

const s = messages.sections;
const DiagnosticPage = lazyPage(() => import('../diagnostic/DiagnosticPage'), 'DiagnosticPage');
const DocumentsPage = lazyPage(() => import('../documents/DocumentsPage'), 'DocumentsPage');
const ConventionPage = lazyPage(() => import('../convention/ConventionPage'), 'ConventionPage');
const RoundsPage = lazyPage(() => import('../rounds/RoundsPage'), 'RoundsPage');
const ScenariosPage = lazyPage(() => import('../scenarios/ScenariosPage'), 'ScenariosPage');
const WorkshopsPage = lazyPage(() => import('../workshops/WorkshopsPage'), 'WorkshopsPage');

/**
 * The sub-sections of a project, in tab order. To open a section, give it a `page`; the tabs and the routes follow.
 */
export const PROJECT_SECTIONS: ProjectSection[] = [
  { key: 'documents', path: 'documents', label: s.documents.label, description: s.documents.text, page: DocumentsPage, subPages: [DocumentEditorPage] },
  { key: 'diagnostic', path: 'diagnostic', label: s.diagnostic.label, description: s.diagnostic.text, page: DiagnosticPage },
  { key: 'scenarios', path: 'scenarios', label: s.scenarios.label, description: s.scenarios.text, page: ScenariosPage },
  { key: 'convention', path: 'convention', label: s.convention.label, description: s.convention.text, page: ConventionPage },
  { key: 'rounds', path: 'tours-de-table', label: s.rounds.label, description: s.rounds.text, page: RoundsPage },
  { key: 'workshops', path: 'seances', label: s.workshops.label, description: s.workshops.text, page: WorkshopsPage, subPages: [SeanceRoom, SeanceFormPage, SeanceSummaryPage] },
];
