import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SECTION_FIELDS, type FieldDef } from '../../../../shared/diagnostic/fields.js';
import { SECTION_LABELS, type SectionKey } from '../../../../shared/diagnostic/sections.js';
import { ApiError, errorMessage } from '../../api/errors';
import { q } from '../../api/queries';
import { formatDateTime } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { Disclosure } from '../../ui/Disclosure';
import { diagApi, diagKeys } from './api';
import { toDraft, fromDraft, serverFieldErrors, type Draft, type FieldErrors } from './draft';
import { FieldInput } from './FieldInput';
import { useDiagnostic } from './EditorContext';
import { dm } from './messages';

type Props = {
  section: SectionKey;
  /** The record to edit, or null to create one. */
  record: (Record<string, unknown> & { id: string }) | null;
  defaults?: Record<string, unknown>;
  /** Fields not shown (e.g. the commune, fixed by the page). */
  hidden?: string[];
  /** When given, only these fields can be changed (a partner completing a consultation). */
  editable?: string[];
  communeChoices?: { id: string; name: string }[];
  onDone: (message: string) => void;
  onCancel: () => void;
};

/**
 * The form of one record, opened inside its table row. Values are checked with the server's own schema before
 * sending; the server's answer (403, 409, field errors) is shown in French next to the fields.
 */
export function RecordEditor({ section, record, defaults, hidden = [], editable, communeChoices, onDone, onCancel }: Props) {
  const ctx = useDiagnostic();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => toDraft(section, record, defaults));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const fields = SECTION_FIELDS[section].filter((f) => !hidden.includes(f.key));

  const save = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      record ? diagApi.update(ctx.projectId, section, record.id, values) : diagApi.create(ctx.projectId, section, values),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: diagKeys.all(ctx.projectId) });
      onDone(record ? dm.table.saved : dm.table.added);
    },
    onError: (error) => {
      setErrors(error instanceof ApiError ? serverFieldErrors(error.details) : {});
      setFormError(errorMessage(error));
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { values, errors: found } = fromDraft(section, draft, ctx.cells, record);
    setErrors(found);
    if (Object.keys(found).length) {
      setFormError(dm.table.invalid);
      return;
    }
    setFormError(null);
    if (record && Object.keys(values).length === 0) return onCancel();
    save.mutate(values);
  };

  const control = (f: FieldDef) => (
    <div key={f.key} className={f.kind === 'longtext' || f.kind === 'needs' || f.kind.endsWith('List') || f.kind === 'users' ? 'diag-form-wide' : undefined}>
      <FieldInput
        field={f}
        value={draft[f.key]}
        error={errors[f.key]}
        onChange={(v) => setDraft((d) => ({ ...d, [f.key]: v }))}
        communeChoices={communeChoices}
        disabled={!!editable && !editable.includes(f.key)}
      />
    </div>
  );

  return (
    <form className="diag-editor" onSubmit={submit} noValidate aria-label={record ? dm.table.edit : dm.table.addTitle(SECTION_LABELS[section])}>
      {formError ? (
        <p className="alert alert-error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="diag-form-grid">{fields.map(control)}</div>
      <div className="button-row">
        <Button type="submit" busy={save.isPending} busyLabel={dm.table.save + '…'}>
          {dm.table.save}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {dm.table.cancel}
        </Button>
      </div>
      {record && ctx.overview.can.readAudit ? (
        <Disclosure summary={dm.table.history}>
          <RecordHistory recordId={record.id} />
        </Disclosure>
      ) : null}
    </form>
  );
}

/** Who changed what on this record, old → new (facilitator and administrators read the audit). */
function RecordHistory({ recordId }: { recordId: string }) {
  const ctx = useDiagnostic();
  const audit = useQuery(q.audit(ctx.projectId));
  const entries = (audit.data ?? []).filter((a) => a.targetId === recordId);
  if (!entries.length) return <p className="muted">{dm.commune.noRecords}</p>;
  const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return (
    <ul className="plain-list diag-history">
      {entries.map((e) => (
        <li key={e.id}>
          <strong>{formatDateTime(e.at)}</strong> — {e.user?.name ?? '—'} :{' '}
          {Object.keys((e.after ?? e.before ?? {}) as object).map((k) => (
            <span key={k} className="diag-change">
              {SECTION_FIELDS_BY_KEY[k] ?? k} : {show((e.before as Record<string, unknown> | null)?.[k])} → {show((e.after as Record<string, unknown> | null)?.[k])}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

const SECTION_FIELDS_BY_KEY: Record<string, string> = Object.fromEntries(Object.values(SECTION_FIELDS).flat().map((f) => [f.key, f.label]));
