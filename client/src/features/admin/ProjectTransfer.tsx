import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/http';
import { ApiError } from '../../api/errors';
import { keys, q } from '../../api/queries';
import { Button } from '../../ui/Button';
import { ErrorMessage, SuccessMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/Field';
import { QueryState } from '../../ui/QueryState';

const m = {
  exportTitle: 'Exporter un projet',
  exportHint: 'Un fichier JSON avec tout le projet : données, historiques, commentaires, documents et leurs versions. Il contient les données personnelles des participant·es : à conserver en lieu sûr.',
  exportLink: (title: string) => `Exporter « ${title} »`,
  noProject: 'Aucun projet pour l’instant : créez-en un depuis l’accueil, ou importez un fichier ci-dessous.',
  importTitle: 'Importer un projet',
  fileLabel: 'Fichier de transfert (.json)',
  submit: 'Importer le projet',
  busy: 'Import en cours…',
  notJson: 'Ce fichier n’est pas un fichier JSON lisible : choisissez un fichier exporté par Mutualab.',
  chooseFile: 'Choisissez d’abord un fichier.',
  done: (title: string, documents: number, rows: number) =>
    `Projet « ${title} » importé : ${documents} document${documents > 1 ? 's' : ''}, ${rows.toLocaleString('fr-FR')} lignes de données.`,
  open: 'Ouvrir le projet',
  problems: 'Problèmes relevés dans le fichier',
};

type ImportSummary = { projectId: string; title: string; tables: Record<string, number>; documents: number };
type ImportProblem = { table: string; row?: number; column?: string; message: string };

/**
 * Transfer of whole projects between instances (administrators only, as the server checks): each project's export
 * link downloads its JSON file; an imported file recreates its project, all or nothing.
 */
export function ProjectTransfer() {
  const projects = useQuery(q.projects());
  return (
    <div className="stack">
      <section aria-labelledby="transfer-export-title">
        <h3 id="transfer-export-title">{m.exportTitle}</h3>
        <p className="muted">{m.exportHint}</p>
        <QueryState query={projects}>
          {(list) =>
            list.length === 0 ? (
              <p>{m.noProject}</p>
            ) : (
              <ul className="button-list">
                {list.map((p) => (
                  <li key={p.id}>
                    <a className="btn btn-secondary" href={`/api/projects/${encodeURIComponent(p.id)}/export`} download>
                      {m.exportLink(p.title)}
                    </a>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
      <ImportForm />
    </div>
  );
}

function ImportForm() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const importing = useMutation({
    mutationFn: async (chosen: File) => {
      let archive: unknown;
      try {
        archive = JSON.parse(await chosen.text());
      } catch {
        throw new ApiError(400, 'invalid_json', m.notJson);
      }
      return apiRequest<ImportSummary>('POST', '/projects/import', archive);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.projects }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setFileError(m.chooseFile);
    importing.mutate(file);
  };
  const problems = importing.error instanceof ApiError && Array.isArray(importing.error.details) ? (importing.error.details as ImportProblem[]) : [];
  const done = importing.data;
  return (
    <section aria-labelledby="transfer-import-title" className="transfer-import">
      <h3 id="transfer-import-title">{m.importTitle}</h3>
      <form onSubmit={submit} noValidate>
        <TextField
          label={m.fileLabel}
          hint={
            <>
              Un fichier exporté par Mutualab (32 Mio au plus ; au-delà, <code>npm run import-project</code>). Tout ou rien : si le projet existe
              déjà ici ou si le fichier est abîmé, rien n’est écrit.
            </>
          }
          type="file"
          accept="application/json,.json"
          required
          error={fileError}
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setFileError(null);
            importing.reset();
          }}
        />
        <Button type="submit" busy={importing.isPending} busyLabel={m.busy}>
          {m.submit}
        </Button>
      </form>
      {done ? (
        <SuccessMessage>
          <p>{m.done(done.title, done.documents, Object.values(done.tables).reduce((a, n) => a + n, 0))}</p>
          <Link to={`/projets/${encodeURIComponent(done.projectId)}`}>{m.open}</Link>
        </SuccessMessage>
      ) : null}
      {importing.error ? <ErrorMessage error={importing.error} /> : null}
      {problems.length > 0 ? (
        <details className="transfer-problems">
          <summary>
            {m.problems} ({problems.length})
          </summary>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {p.table}
                {p.row ? `, ligne ${p.row}` : ''}
                {p.column ? `, colonne ${p.column}` : ''} : {p.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
