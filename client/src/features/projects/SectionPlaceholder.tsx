import { messages } from '../../i18n/messages';
import { EmptyState } from '../../ui/EmptyState';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { PROJECT_SECTIONS, type ProjectSectionKey } from './sections';
import { useProjectContext } from './useProjectContext';

/** A project section that is not open yet: says what it will hold, honestly, instead of an empty screen. */
export function SectionPlaceholder({ section }: { section: ProjectSectionKey }) {
  const { project } = useProjectContext();
  const def = PROJECT_SECTIONS.find((s) => s.key === section)!;
  useDocumentTitle(def.label, project.title);
  return (
    <EmptyState title={def.label}>
      <p>{def.description}</p>
      <p>
        <strong>{messages.sections.notOpen}</strong>
      </p>
    </EmptyState>
  );
}
