import { useQuery } from '@tanstack/react-query';
import { templateHeadings } from '../../../../shared/documents/templates.js';
import type { DocumentDto } from '../../../../shared/documents/kinds.js';
import { AGENDA_OUTCOMES, DIAGNOSTIC_VIEWS, DIAGNOSTIC_VIEW_LABELS, type AgendaItemInput } from '../../../../shared/workshops/types.js';
import { apiGet } from '../../api/http';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { docQ } from '../documents/api';
import { wm } from './messages';

/** An agenda item being edited; `key` identifies the row in React (new items have no id yet). */
export type DraftItem = AgendaItemInput & { key: string };

type Linkable = { id: string; title?: string; name?: string; label?: string };

/** Scenarios and rounds of the project, when those features answer (their selects are hidden otherwise). */
function useLinkables(projectId: string, what: 'scenarios' | 'rounds') {
  return useQuery({
    queryKey: ['projects', projectId, what, 'linkables'],
    queryFn: ({ signal }) => apiGet<Linkable[]>(`/projects/${encodeURIComponent(projectId)}/${what}`, signal),
    retry: false,
    staleTime: 60_000,
  });
}

/**
 * The agenda builder: ordered items with title, planned duration, expected outcome and what is on screen (a document
 * and one of its sections, a diagnostic view, a scenario, a round). Rows move up and down with buttons (keyboard
 * friendly, no drag and drop needed).
 */
export function AgendaBuilder({ projectId, items, onChange }: { projectId: string; items: DraftItem[]; onChange(items: DraftItem[]): void }) {
  const docs = useQuery(docQ.list(projectId, false));
  const scenarios = useLinkables(projectId, 'scenarios');
  const rounds = useLinkables(projectId, 'rounds');
  const set = (i: number, patch: Partial<DraftItem>) => onChange(items.map((it, n) => (n === i ? { ...it, ...patch } : it)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...items];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
  };
  const add = () => onChange([...items, { key: `new-${Date.now()}-${items.length}`, title: '', plannedMinutes: 15, outcome: 'debat' }]);
  const total = items.reduce((s, i) => s + (Number.isFinite(i.plannedMinutes) ? i.plannedMinutes : 0), 0);
  const docById = new Map((docs.data ?? []).map((d: DocumentDto) => [d.id, d]));
  const label = (l: Linkable) => l.title ?? l.name ?? l.label ?? l.id;

  return (
    <fieldset className="agenda-builder">
      <legend>{wm.agenda}</legend>
      {items.length === 0 ? <p className="muted">{wm.agendaEmpty}</p> : null}
      <ol className="agenda-builder-items">
        {items.map((item, i) => {
          const doc = item.documentId ? docById.get(item.documentId) : undefined;
          const headings = doc ? templateHeadings(doc.kind) : [];
          return (
            <li key={item.key} className="agenda-builder-item">
              <fieldset>
                <legend>{wm.itemLegend(i + 1)}</legend>
                <div className="agenda-builder-grid">
                  <TextField label={wm.itemTitle} value={item.title} required maxLength={200} onChange={(e) => set(i, { title: e.target.value })} />
                  <TextField label={wm.itemMinutes} type="number" min={1} max={600} step={1} required value={Number.isFinite(item.plannedMinutes) ? item.plannedMinutes : ''} onChange={(e) => set(i, { plannedMinutes: e.target.valueAsNumber })} />
                  <SelectField label={wm.itemOutcome} value={item.outcome} onChange={(e) => set(i, { outcome: e.target.value as DraftItem['outcome'] })}>
                    {AGENDA_OUTCOMES.map((o) => (
                      <option key={o} value={o}>
                        {wm.outcome[o]}
                      </option>
                    ))}
                  </SelectField>
                  <SelectField label={wm.itemDocument} value={item.documentId ?? ''} onChange={(e) => set(i, { documentId: e.target.value || null, sectionTitle: null, sectionId: null })}>
                    <option value="">{wm.itemNoDocument}</option>
                    {(docs.data ?? []).map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.title}
                      </option>
                    ))}
                  </SelectField>
                  {item.documentId ? (
                    <TextField label={wm.itemSection} hint={wm.itemSectionHint} list={`sections-${item.key}`} value={item.sectionTitle ?? ''} maxLength={200} onChange={(e) => set(i, { sectionTitle: e.target.value || null, sectionId: null })} />
                  ) : null}
                  <datalist id={`sections-${item.key}`}>
                    {headings.map((h) => (
                      <option key={h} value={h} />
                    ))}
                  </datalist>
                  <SelectField label={wm.itemDiagnostic} value={item.diagnosticView ?? ''} onChange={(e) => set(i, { diagnosticView: (e.target.value || null) as DraftItem['diagnosticView'] })}>
                    <option value="">{wm.itemNone}</option>
                    {DIAGNOSTIC_VIEWS.map((v) => (
                      <option key={v} value={v}>
                        {DIAGNOSTIC_VIEW_LABELS[v]}
                      </option>
                    ))}
                  </SelectField>
                  {scenarios.data?.length ? (
                    <SelectField label={wm.itemScenario} value={item.scenarioId ?? ''} onChange={(e) => set(i, { scenarioId: e.target.value || null })}>
                      <option value="">{wm.itemNone}</option>
                      {scenarios.data.map((sc) => (
                        <option key={sc.id} value={sc.id}>
                          {label(sc)}
                        </option>
                      ))}
                    </SelectField>
                  ) : null}
                  {rounds.data?.length ? (
                    <SelectField label={wm.itemRound} value={item.roundId ?? ''} onChange={(e) => set(i, { roundId: e.target.value || null })}>
                      <option value="">{wm.itemNone}</option>
                      {rounds.data.map((r) => (
                        <option key={r.id} value={r.id}>
                          {label(r)}
                        </option>
                      ))}
                    </SelectField>
                  ) : null}
                </div>
                <div className="button-row">
                  <Button variant="ghost" disabled={i === 0} onClick={() => move(i, -1)} aria-label={wm.moveUp(i + 1)}>
                    ↑
                  </Button>
                  <Button variant="ghost" disabled={i === items.length - 1} onClick={() => move(i, 1)} aria-label={wm.moveDown(i + 1)}>
                    ↓
                  </Button>
                  <Button variant="secondary" onClick={() => onChange(items.filter((_, n) => n !== i))}>
                    {wm.removeItem(i + 1)}
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p className="muted">{wm.totalDuration(total)}</p>
      <Button variant="secondary" onClick={add}>
        {wm.addItem}
      </Button>
    </fieldset>
  );
}
