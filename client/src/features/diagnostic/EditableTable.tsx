import { Fragment, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fieldOf } from '../../../../shared/diagnostic/fields.js';
import { SECTION_LABELS, type SectionKey } from '../../../../shared/diagnostic/sections.js';
import { errorMessage } from '../../api/errors';
import { Button } from '../../ui/Button';
import { diagApi, diagKeys } from './api';
import { FieldValue } from './display';
import { RecordEditor } from './RecordEditor';
import { useDiagnostic } from './EditorContext';
import { dm } from './messages';
import { RecordComments } from '../comments/RecordComments';

export type Rec = Record<string, unknown> & { id: string };

type Props = {
  section: SectionKey;
  records: Rec[];
  /** Field keys shown as columns (the editor shows every field). */
  columns: string[];
  caption: string;
  rowLabel: (r: Rec) => string;
  canEdit: (r: Rec) => boolean;
  canDelete?: (r: Rec) => boolean;
  /** Fields only a contributor may change (partners completing a consultation), per record. */
  editableFor?: (r: Rec) => string[] | undefined;
  canCreate: boolean;
  createDefaults?: Record<string, unknown>;
  hidden?: string[];
  communeChoices?: { id: string; name: string }[];
  /** Extra read-only column after the fields (e.g. ETP of an agent). */
  extra?: { label: string; render: (r: Rec) => React.ReactNode };
};

/**
 * A section's records as a table whose rows open in place for editing (« Modifier »), with a row to add one.
 * Controls appear only where the server said the user may write; the result is announced politely.
 */
export function EditableTable({ section, records, columns, caption, rowLabel, canEdit, canDelete = canEdit, editableFor, canCreate, createDefaults, hidden, communeChoices, extra }: Props) {
  const ctx = useDiagnostic();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const fields = columns.map((k) => fieldOf(section, k)!);
  const anyActions = canCreate || records.some((r) => canEdit(r) || canDelete(r));
  const width = fields.length + (extra ? 1 : 0) + (anyActions ? 1 : 0) + 1;

  const remove = useMutation({
    mutationFn: (id: string) => diagApi.remove(ctx.projectId, section, id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: diagKeys.all(ctx.projectId) });
      setStatus(dm.table.removed);
    },
    onError: (e) => setStatus(errorMessage(e)),
  });

  const done = (message: string) => {
    setEditing(null);
    setStatus(message);
  };

  return (
    <div className="diag-table">
      <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table className="table table-compact">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {fields.map((f) => (
                <th key={f.key} scope="col" className={isNumeric(f.kind) ? 'num' : undefined} title={f.short ? f.label : undefined}>
                  {f.short ?? f.label}
                  {f.kind === 'money' || f.kind === 'signedMoney' ? ' (€)' : f.kind === 'percent' ? ' (%)' : ''}
                </th>
              ))}
              {extra ? <th scope="col" className="num">{extra.label}</th> : null}
              <th scope="col"><span className="visually-hidden">{dm.table.comments}</span></th>
              {anyActions ? <th scope="col"><span className="visually-hidden">{dm.table.actions}</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {records.length === 0 ? (
              <tr>
                <td colSpan={width} className="muted">{dm.commune.noRecords}</td>
              </tr>
            ) : null}
            {records.map((r) => (
              <Fragment key={r.id}>
                <tr className={editing === r.id ? 'diag-row-editing' : undefined} data-record-id={r.id}>
                  {fields.map((f, i) => {
                    const Cell = i === 0 ? 'th' : 'td';
                    return (
                      <Cell key={f.key} scope={i === 0 ? 'row' : undefined} className={isNumeric(f.kind) ? 'num' : undefined}>
                        <FieldValue field={f} value={r[f.key]} ctx={ctx.cells} />
                      </Cell>
                    );
                  })}
                  {extra ? <td className="num">{extra.render(r)}</td> : null}
                  <td className="diag-comments"><RecordComments projectId={ctx.projectId} section={section} recordId={r.id} label={rowLabel(r)} /></td>
                  {anyActions ? (
                    <td className="diag-actions">
                      {canEdit(r) && editing !== r.id ? (
                        <Button variant="secondary" aria-label={dm.table.editRow(rowLabel(r))} onClick={() => setEditing(r.id)}>
                          {dm.table.edit}
                        </Button>
                      ) : null}
                      {canDelete(r) && editing !== r.id ? (
                        <Button
                          variant="ghost"
                          aria-label={dm.table.removeRow(rowLabel(r))}
                          onClick={() => window.confirm(dm.table.confirmRemove(rowLabel(r))) && remove.mutate(r.id)}
                        >
                          {dm.table.remove}
                        </Button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
                {editing === r.id ? (
                  <tr className="diag-editor-row">
                    <td colSpan={width}>
                      <RecordEditor section={section} record={r} hidden={hidden} editable={editableFor?.(r)} communeChoices={communeChoices} onDone={done} onCancel={() => setEditing(null)} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
            {editing === 'new' ? (
              <tr className="diag-editor-row">
                <td colSpan={width}>
                  <RecordEditor section={section} record={null} defaults={createDefaults} hidden={hidden} communeChoices={communeChoices} onDone={done} onCancel={() => setEditing(null)} />
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {canCreate && editing !== 'new' ? (
        <Button variant="secondary" onClick={() => setEditing('new')}>
          <span aria-hidden="true">+ </span>
          {dm.table.add}
          <span className="visually-hidden"> ({SECTION_LABELS[section]})</span>
        </Button>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

function isNumeric(kind: string) {
  return ['int', 'year', 'decimal', 'percent', 'money', 'signedMoney'].includes(kind);
}
