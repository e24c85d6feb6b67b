import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConventionDto, DocRef } from '../../../../shared/convention/api.js';
import { citeRefs } from '../../../../shared/scenarios/types.js';
import { INSTRUMENT_DEFS } from '../../../../shared/scenarios/instruments.js';
import { formatDate, formatDateTime } from '../../i18n/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage, SuccessMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/Field';
import { QueryState } from '../../ui/QueryState';
import { useProjectContext } from '../projects/useProjectContext';
import { AdoptionPanel } from './AdoptionPanel';
import { convApi, convKeys, convQ } from './api';
import { cm } from './messages';

/** A generated document: what it is, and a link to open it in the co-writing editor (or why it does not exist yet). */
function DocCard({ title, text, doc, projectId, action }: { title: string; text: string; doc: DocRef | null; projectId: string; action?: ReactNode }) {
  return (
    <Card as="article" className="conv-doc">
      <h4>{title}</h4>
      <p className="conv-muted">{text}</p>
      {doc ? (
        <>
          <p className="conv-doc-title">{doc.title}</p>
          <Link className="btn btn-secondary" to={`/projets/${projectId}/documents/${doc.id}`}>
            {cm.openShort}
            <span className="visually-hidden"> : {doc.title}</span>
          </Link>
        </>
      ) : (
        <>
          <p>{cm.notGenerated}</p>
          {action}
        </>
      )}
    </Card>
  );
}

/** `…/convention`: the retained scenario, the generated texts, annexes regeneration, export, adoption status. */
export function ConventionHome() {
  const { project } = useProjectContext();
  const query = useQuery(convQ.convention(project.id));
  return <QueryState query={query}>{(c) => <Home c={c} projectId={project.id} />}</QueryState>;
}

function Home({ c, projectId }: { c: ConventionDto; projectId: string }) {
  const queryClient = useQueryClient();
  const [done, setDone] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: convKeys.all(projectId) });
  const cadre = useMutation({ mutationFn: () => convApi.generateCadre(projectId), onSuccess: refresh });
  const convention = useMutation({ mutationFn: () => convApi.generateConvention(projectId), onSuccess: refresh });
  const annexes = useMutation({ mutationFn: () => convApi.regenerateAnnexes(projectId), onSuccess: (r) => (setDone(cm.regenerated([...r.result.updated, ...r.result.inserted])), refresh()) });

  if (!c.retainedScenario && !c.generatedFrom) {
    return (
      <EmptyState title={cm.noScenarioTitle} action={<Link className="btn btn-primary" to={`/projets/${projectId}/scenarios/arbitrage`}>{cm.toScenarios}</Link>}>
        <p>{cm.noScenarioText}</p>
      </EmptyState>
    );
  }
  const instrument = c.generatedFrom?.instrument ?? c.retainedScenario!.instrument;
  const def = INSTRUMENT_DEFS[instrument];
  const error = cadre.error ?? convention.error ?? annexes.error;
  return (
    <div className="conv-stack">
      <Card as="section" aria-labelledby="conv-scenario">
        <h3 id="conv-scenario">{cm.scenarioTitle}</h3>
        <p className="conv-lead">
          <strong>{c.generatedFrom?.title ?? c.retainedScenario?.title}</strong>
        </p>
        <p>
          {cm.instrument} : {def.label} ({citeRefs(def.basis)})
        </p>
        {c.generatedFrom && c.retainedScenario && c.retainedScenario.id !== c.generatedFrom.scenarioId ? <p className="alert">{cm.generatedFromOther}</p> : null}
        {!c.can.generate ? <p className="conv-muted">{cm.readOnly}</p> : null}
      </Card>

      {error ? <ErrorMessage error={error} /> : null}
      <section aria-labelledby="conv-docs">
        <h3 id="conv-docs">{cm.documentsTitle}</h3>
        <div className="conv-docs">
          <DocCard title={cm.cadre} text={cm.cadreText} doc={c.cadre} projectId={projectId} action={c.can.generate ? <Button onClick={() => cadre.mutate()} busy={cadre.isPending} busyLabel={cm.generating}>{cm.generateCadre}</Button> : null} />
          <DocCard title={cm.convention} text={cm.conventionText} doc={c.convention} projectId={projectId} action={c.can.generate ? <Button onClick={() => convention.mutate()} busy={convention.isPending} busyLabel={cm.generating}>{cm.generateConvention}</Button> : null} />
          {c.ficheImpactRequired ? <DocCard title={cm.ficheImpact} text={cm.ficheImpactText} doc={c.ficheImpact} projectId={projectId} /> : null}
        </div>
      </section>

      {c.convention ? (
        <>
          <Card as="section" aria-labelledby="conv-status">
            <h3 id="conv-status">
              {cm.statusTitle} : <Badge tone={c.status === 'signee' ? 'success' : 'info'}>{cm.status[c.status]}</Badge>
            </h3>
            {c.signedAt ? <p>{cm.signedOn(formatDate(c.signedAt))}</p> : null}
            {c.annexesGeneratedAt ? <p className="conv-muted">{cm.annexesOn(formatDateTime(c.annexesGeneratedAt))}</p> : null}
            {c.can.generate && c.status !== 'signee' ? (
              <div className="conv-actions">
                <Button variant="secondary" onClick={() => annexes.mutate()} busy={annexes.isPending} busyLabel={cm.regenerating}>
                  {cm.regenerate}
                </Button>
                <p className="conv-muted">{cm.regenerateHint}</p>
              </div>
            ) : null}
            {done ? <SuccessMessage>{done}</SuccessMessage> : null}
          </Card>
          <Card as="section" aria-labelledby="conv-export">
            <h3 id="conv-export">{cm.exportTitle}</h3>
            <p className="conv-muted">{cm.exportHint}</p>
            <div className="button-row">
              <a className="btn btn-primary" href={convApi.exportUrl(projectId, 'docx')} download>
                {cm.exportDocx}
              </a>
              <a className="btn btn-secondary" href={convApi.exportUrl(projectId, 'pdf')} download>
                {cm.exportPdf}
              </a>
            </div>
          </Card>
          {c.adoption ? <AdoptionPanel adoption={c.adoption} projectId={projectId} /> : null}
          {def.requirements.arretePrefectoral && c.can.settings ? <ArreteForm projectId={projectId} value={c.arretePrefectoralDate} /> : null}
        </>
      ) : null}
    </div>
  );
}

/** The date of the arrêté préfectoral (transfer of competence only). */
function ArreteForm({ projectId, value }: { projectId: string; value: string | null }) {
  const queryClient = useQueryClient();
  const [date, setDate] = useState(value ?? '');
  const save = useMutation({ mutationFn: () => convApi.updateSettings(projectId, { arretePrefectoralDate: date || null }), onSuccess: () => queryClient.invalidateQueries({ queryKey: convKeys.all(projectId) }) });
  return (
    <Card as="section" aria-labelledby="conv-arrete">
      <h3 id="conv-arrete">{cm.arreteTitle}</h3>
      <form className="inline-form" onSubmit={(e) => (e.preventDefault(), save.mutate())}>
        <TextField label={cm.arreteLabel} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <Button type="submit" busy={save.isPending}>{cm.save}</Button>
      </form>
      {save.isError ? <ErrorMessage error={save.error} /> : save.isSuccess ? <SuccessMessage>{cm.saved}</SuccessMessage> : null}
    </Card>
  );
}
