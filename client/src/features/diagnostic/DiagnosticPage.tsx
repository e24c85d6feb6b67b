import { useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Route, Routes } from 'react-router';
import type { LiveEvent } from '../../../../shared/events/types.js';
import { q } from '../../api/queries';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Spinner } from '../../ui/Spinner';
import { TabNav } from '../../ui/TabNav';
import { useProjectContext } from '../projects/useProjectContext';
import { diagQ } from './api';
import { DiagnosticContext, type DiagnosticCtx } from './EditorContext';
import { useLiveDiagnostic } from './useLiveDiagnostic';
import { useLiveComments } from '../comments/useLiveComments';
import { DiagnosticHome } from './DiagnosticHome';
import { CommunePage, CommuneRedirect } from './CommunePage';
import { EquipmentPage } from './EquipmentPage';
import { ConsultationsPage } from './ConsultationsPage';
import { ImportExportPage } from './ImportExportPage';
import { dm } from './messages';
import './diagnostic.css';

/**
 * `/projets/:projectId/diagnostic/*`: the inventory of what exists in each commune. Loads the overview once (communes
 * and the viewer's rights per commune, missions, board), listens to the project's live events so that other people's
 * changes appear without reloading, and routes to the synthesis, the communes, equipment, consultations and files.
 */
export function DiagnosticPage() {
  const { project } = useProjectContext();
  const overview = useQuery(diagQ.overview(project.id));
  const territory = useQuery(q.communes(project.territoryId));
  const services = useQuery(diagQ.section(project.id, 'services'));
  const me = useQuery(q.me());
  const [notice, setNotice] = useState('');

  const people = overview.data?.people;
  const myId = me.data?.id;
  const onChange = useCallback(
    (e: LiveEvent<'diagnostic.changed'>) => {
      if (e.payload.by === myId) return;
      setNotice(dm.changedBy(people?.find((p) => p.id === e.payload.by)?.name ?? dm.someone));
    },
    [people, myId],
  );
  const live = useLiveDiagnostic(project.id, onChange);
  useLiveComments(project.id);

  const ctx = useMemo<DiagnosticCtx | null>(() => {
    if (!overview.data) return null;
    const o = overview.data;
    const territoryCommunes = territory.data ?? [];
    const svc = (services.data ?? []).map((s) => ({ id: s.id, name: s.name, communeId: s.communeId }));
    return {
      projectId: project.id,
      projectTitle: project.title,
      overview: o,
      territoryCommunes,
      services: svc,
      cells: {
        communes: territoryCommunes.length ? territoryCommunes : o.communes,
        missions: o.missions,
        services: svc,
        partners: o.partners,
        people: o.people.map((p) => ({ id: p.id, name: p.name })),
      },
    };
  }, [overview.data, territory.data, services.data, project.id, project.title]);

  if (overview.isPending) return <Spinner />;
  if (overview.isError) return <ErrorMessage error={overview.error} onRetry={() => void overview.refetch()} />;
  const base = `/projets/${project.id}/diagnostic`;

  return (
    <DiagnosticContext.Provider value={ctx}>
      <div className="diag">
        <div className="diag-head">
          <h2>{dm.title}</h2>
          <span className={`diag-live diag-live-${live}`}>
            <span aria-hidden="true">● </span>
            {dm.live[live]}
          </span>
        </div>
        {overview.data.notice ? (
          <p className="alert diag-notice" role="note">
            <strong>{overview.data.notice}</strong>
          </p>
        ) : null}
        <p className="diag-change-notice" role="status" aria-live="polite">
          {notice}
        </p>
        <TabNav
          label={dm.nav}
          items={[
            { to: base, label: dm.home, end: true },
            { to: `${base}/communes`, label: dm.communes },
            { to: `${base}/equipements`, label: dm.equipmentTab },
            { to: `${base}/consultations`, label: dm.consultationsTab },
            { to: `${base}/import-export`, label: dm.importExport },
          ]}
        />
        <Routes>
          <Route index element={<DiagnosticHome />} />
          <Route path="communes" element={<CommuneRedirect />} />
          <Route path="communes/:communeId" element={<CommunePage />} />
          <Route path="equipements" element={<EquipmentPage />} />
          <Route path="consultations" element={<ConsultationsPage />} />
          <Route path="import-export" element={<ImportExportPage />} />
        </Routes>
      </div>
    </DiagnosticContext.Provider>
  );
}
