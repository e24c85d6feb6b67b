import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { SECTIONS, SECTION_LABELS, type SectionKey } from '../../../../shared/diagnostic/sections.js';
import { ApiError, errorMessage } from '../../api/errors';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { SelectField } from '../../ui/Field';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { diagApi, diagKeys, type ImportPreviewDto, type ImportCommitDto } from './api';
import { useDiagnostic } from './EditorContext';
import { uploadWithProgress } from './upload';
import { dm } from './messages';

type Step = { kind: 'idle' } | { kind: 'uploading'; percent: number; commit: boolean } | { kind: 'preview'; preview: ImportPreviewDto } | { kind: 'done'; result: ImportCommitDto } | { kind: 'error'; message: string; errors?: ImportPreviewDto['errors'] };

/** `…/diagnostic/import-export`: templates, import with a preview (nothing written until confirmed), exports. */
export function ImportExportPage() {
  const ctx = useDiagnostic();
  const queryClient = useQueryClient();
  const [section, setSection] = useState<SectionKey>('agents');
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const m = dm.io;
  useDocumentTitle(`${dm.title} — ${m.title}`, ctx.projectTitle);

  const send = async (commit: boolean) => {
    if (!file) return;
    const form = new FormData();
    form.set('section', section);
    form.set('file', file, file.name);
    setStep({ kind: 'uploading', percent: 0, commit });
    try {
      const url = diagApi.importUrl(ctx.projectId, commit ? 'commit' : 'preview');
      const onProgress = (percent: number) => setStep({ kind: 'uploading', percent, commit });
      if (commit) {
        const result = await uploadWithProgress<ImportCommitDto>(url, form, onProgress);
        setStep({ kind: 'done', result });
        await queryClient.invalidateQueries({ queryKey: diagKeys.all(ctx.projectId) });
      } else {
        setStep({ kind: 'preview', preview: await uploadWithProgress<ImportPreviewDto>(url, form, onProgress) });
      }
    } catch (e) {
      const errors = e instanceof ApiError ? (e.details as { errors?: ImportPreviewDto['errors'] } | undefined)?.errors : undefined;
      setStep({ kind: 'error', message: errorMessage(e), errors });
    }
  };
  const check = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };

  return (
    <div className="stack">
      <Card as="section" aria-labelledby="diag-import">
        <h3 id="diag-import">{m.importTitle}</h3>
        {!ctx.overview.can.import ? (
          <p className="muted">{m.noRight}</p>
        ) : (
          <>
            <p>{m.intro}</p>
            <form onSubmit={check} className="diag-import-form">
              <SelectField label={m.section} value={section} onChange={(e) => { setSection(e.target.value as SectionKey); setStep({ kind: 'idle' }); }}>
                {SECTIONS.map((s) => (
                  <option key={s} value={s}>{SECTION_LABELS[s]}</option>
                ))}
              </SelectField>
              <p className="diag-links">
                {m.templates} : <a href={diagApi.templateUrl(ctx.projectId, section, 'xlsx')} download>{m.template('XLSX')}</a> · <a href={diagApi.templateUrl(ctx.projectId, section, 'csv')} download>{m.template('CSV')}</a>
              </p>
              <div className="field">
                <label htmlFor="diag-file">{m.file}</label>
                <input id="diag-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setStep({ kind: 'idle' }); }} />
              </div>
              <Button type="submit" disabled={!file || step.kind === 'uploading'}>{m.check}</Button>
            </form>
            <ImportStatus step={step} onConfirm={() => void send(true)} />
          </>
        )}
      </Card>
      <Card as="section" aria-labelledby="diag-export">
        <h3 id="diag-export">{m.exportTitle}</h3>
        <p>{m.exportIntro}</p>
        <ul className="diag-exports">
          <li><a href={diagApi.exportUrl(ctx.projectId, 'tout', 'xlsx')} download>{m.exportAll}</a></li>
          {[...SECTIONS, 'indicateurs' as const].map((s) => (
            <li key={s}>
              {s === 'indicateurs' ? m.indicators : SECTION_LABELS[s]} : <a href={diagApi.exportUrl(ctx.projectId, s, 'xlsx')} download>XLSX</a> · <a href={diagApi.exportUrl(ctx.projectId, s, 'csv')} download>CSV</a>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

function ImportStatus({ step, onConfirm }: { step: Step; onConfirm: () => void }) {
  const m = dm.io;
  if (step.kind === 'idle') return null;
  if (step.kind === 'uploading') {
    const label = step.percent < 100 ? m.uploading(step.percent) : step.commit ? m.writing : m.analysing;
    return (
      <div className="diag-progress" role="status" aria-live="polite">
        <progress max={100} value={step.percent < 100 ? step.percent : undefined} aria-label={label} />
        <span>{label}</span>
      </div>
    );
  }
  if (step.kind === 'done') return <p className="alert alert-success" role="status">{m.done(step.result.created, step.result.updated)}</p>;
  if (step.kind === 'error') {
    return (
      <div role="alert">
        <p className="alert alert-error">{step.message}</p>
        {step.errors ? <ErrorsTable errors={step.errors} /> : null}
      </div>
    );
  }
  const p = step.preview;
  return (
    <div className="diag-preview" aria-live="polite">
      <p><strong>{m.summary(p.summary.create, p.summary.update, p.summary.unchanged)}</strong></p>
      {p.errors.length ? (
        <>
          <h4>{m.errorsTitle(p.errors.length)}</h4>
          <ErrorsTable errors={p.errors} />
          <p className="alert alert-error">{m.fixFirst}</p>
        </>
      ) : (
        <>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={m.rowsCaption}>
            <table className="table table-compact">
              <caption className="visually-hidden">{m.rowsCaption}</caption>
              <thead>
                <tr><th scope="col">{m.line}</th><th scope="col">{m.actionCol}</th><th scope="col">{dm.board.commune}</th><th scope="col">{m.record}</th></tr>
              </thead>
              <tbody>
                {p.rows.slice(0, 200).map((r) => (
                  <tr key={r.line}><td>{r.line}</td><td>{m.action[r.action]}</td><td>{r.communeName ?? '—'}</td><td>{r.label}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
          <Button onClick={onConfirm}>{m.confirm}</Button>
        </>
      )}
    </div>
  );
}

function ErrorsTable({ errors }: { errors: ImportPreviewDto['errors'] }) {
  const m = dm.io;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={m.errorsCaption}>
      <table className="table table-compact diag-errors">
        <caption className="visually-hidden">{m.errorsCaption}</caption>
        <thead>
          <tr><th scope="col">{m.line}</th><th scope="col">{m.column}</th><th scope="col">{m.message}</th></tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i}><td>{e.line}</td><td>{e.column ?? '—'}</td><td>{e.message}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
