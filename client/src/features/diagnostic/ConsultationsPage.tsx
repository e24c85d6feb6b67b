import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { CONSULTATION_KINDS, NEED_KINDS } from '../../../../shared/diagnostic/vocab.js';
import type { ConsultationRecord } from '../../../../shared/diagnostic/types.js';
import { formatDate } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { QueryState } from '../../ui/QueryState';
import { SelectField } from '../../ui/Field';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { diagQ } from './api';
import { communeName, useDiagnostic } from './EditorContext';
import { RecordEditor } from './RecordEditor';
import { dm } from './messages';
import { RecordComments } from '../comments/RecordComments';

/** What a partner who took part may complete; the rest of a consultation is its organisers'. */
const CONTRIBUTION = ['minutes', 'needs', 'participants'];

/** `…/diagnostic/consultations`: meetings with élus and partners, with the needs and wishes they expressed. */
export function ConsultationsPage() {
  const ctx = useDiagnostic();
  const [params, setParams] = useSearchParams();
  const list = useQuery(diagQ.section(ctx.projectId, 'consultations'));
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const m = dm.consultations;
  useDocumentTitle(`${dm.title} — ${m.title}`, ctx.projectTitle);
  const filter = params.get('commune') ?? '';
  const own = ctx.overview.communes.filter((c) => c.canWrite && c.participation === 'participante');
  const done = (msg: string) => {
    setEditing(null);
    setStatus(msg);
  };

  return (
    <div className="stack">
      <div className="diag-section-head">
        <SelectField label={dm.commune.select} value={filter} onChange={(e) => setParams(e.target.value ? { commune: e.target.value } : {})}>
          <option value="">{dm.equipment.all}</option>
          {ctx.overview.communes.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </SelectField>
        {ctx.overview.can.manageConsultations && editing !== 'new' ? <Button onClick={() => setEditing('new')}><span aria-hidden="true">+ </span>{m.add}</Button> : null}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">{status}</p>
      {editing === 'new' ? (
        <Card as="section" aria-label={m.add}>
          <RecordEditor section="consultations" record={null} defaults={{ communeIds: own.length === 1 ? [own[0].id] : [], date: new Date().toISOString().slice(0, 10) }} onDone={done} onCancel={() => setEditing(null)} />
        </Card>
      ) : null}
      <QueryState query={list}>
        {(all: ConsultationRecord[]) => {
          const shown = [...all].reverse().filter((c) => !filter || c.communeIds.includes(filter));
          if (!shown.length) return <p className="muted">{m.empty}</p>;
          return (
            <ul className="diag-consultations">
              {shown.map((c) => {
                const rights = ctx.overview.consultationRights[c.id] ?? { contribute: false, manage: false };
                return (
                  <li key={c.id}>
                    <Card as="article" aria-labelledby={`cons-${c.id}`}>
                      <p className="muted diag-cons-meta">
                        <time dateTime={c.date}>{formatDate(c.date)}</time> · {CONSULTATION_KINDS[c.kind]}
                      </p>
                      <h3 id={`cons-${c.id}`}>{c.title}</h3>
                      <dl className="diag-cons-facts">
                        <div>
                          <dt>{m.communes}</dt>
                          <dd>{c.communeIds.length ? c.communeIds.map((id) => communeName(ctx, id)).join(', ') : m.wholeEpci}</dd>
                        </div>
                        {c.partnerId ? (
                          <div>
                            <dt>{m.partner}</dt>
                            <dd>{ctx.overview.partners.find((p) => p.id === c.partnerId)?.name}</dd>
                          </div>
                        ) : null}
                        {c.participants ? (
                          <div>
                            <dt>{m.participants}</dt>
                            <dd>{c.participants}</dd>
                          </div>
                        ) : null}
                      </dl>
                      {c.minutes ? (
                        <>
                          <h4>{m.minutes}</h4>
                          <p className="diag-minutes">{c.minutes}</p>
                        </>
                      ) : null}
                      {c.needs.length ? (
                        <>
                          <h4>{m.needs}</h4>
                          <ul className="diag-needs-list">
                            {c.needs.map((n) => (
                              <li key={n.id}>
                                <strong>{NEED_KINDS[n.kind]}</strong>
                                {n.missionKey ? ` (${ctx.overview.missions.find((x) => x.key === n.missionKey)?.label ?? n.missionKey})` : ''} : {n.text}
                              </li>
                            ))}
                          </ul>
                        </>
                      ) : null}
                      <RecordComments projectId={ctx.projectId} section="consultations" recordId={c.id} label={c.title} withText extraFields={c.needs.map((n) => ({ key: `needs.${n.id}`, label: `${NEED_KINDS[n.kind]} : ${n.text}` }))} />
                      {editing === c.id ? (
                        <RecordEditor section="consultations" record={c as unknown as Record<string, unknown> & { id: string }} editable={rights.manage ? undefined : CONTRIBUTION} onDone={done} onCancel={() => setEditing(null)} />
                      ) : rights.contribute || rights.manage ? (
                        <Button variant="secondary" onClick={() => setEditing(c.id)} aria-label={`${m.edit} : ${c.title}`}>
                          {m.edit}
                        </Button>
                      ) : null}
                    </Card>
                  </li>
                );
              })}
            </ul>
          );
        }}
      </QueryState>
    </div>
  );
}
