import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, documentTitleSchema, type DocumentKind } from '../../../../shared/documents/kinds.js';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField, TextField } from '../../ui/Field';
import { useDocumentMutations } from './api';
import { dm } from './messages';

/**
 * Creation of a document: a kind and a title (the server seeds the text from the kind's template — never the
 * client). On success, opens the new document.
 */
export function CreateDocumentForm({ projectId }: { projectId: string }) {
  const [kind, setKind] = useState<DocumentKind>('note');
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);
  const { create } = useDocumentMutations(projectId);
  const navigate = useNavigate();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = documentTitleSchema.safeParse(title);
    if (!parsed.success) return setTitleError(parsed.error.issues[0]?.message ?? null);
    setTitleError(null);
    create.mutate(
      { kind, title: parsed.data },
      { onSuccess: (doc) => navigate(`/projets/${encodeURIComponent(projectId)}/documents/${encodeURIComponent(doc.id)}`) },
    );
  };

  return (
    <form className="docs-create" onSubmit={submit} aria-labelledby="docs-create-title" noValidate>
      <h3 id="docs-create-title">{dm.create}</h3>
      <div className="docs-create-fields">
        <SelectField label={dm.kind} value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)} required>
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {DOCUMENT_KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        <TextField label={dm.docTitle} value={title} onChange={(e) => setTitle(e.target.value)} error={titleError} required maxLength={200} />
        <Button type="submit" busy={create.isPending} busyLabel={dm.creating}>
          {dm.createButton}
        </Button>
      </div>
      {create.isError ? <ErrorMessage error={create.error} /> : null}
    </form>
  );
}
