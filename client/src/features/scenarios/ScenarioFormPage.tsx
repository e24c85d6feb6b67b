import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { ScenarioDetailDto, ScenarioInputsDto } from '../../../../shared/scenarios/api.js';
import { computeScenarioFigures } from '../../../../shared/scenarios/figures.js';
import { ApiError } from '../../api/errors';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { QueryState } from '../../ui/QueryState';
import { Spinner } from '../../ui/Spinner';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useProjectContext } from '../projects/useProjectContext';
import { scnApi, scnKeys, scnQ } from './api';
import { contentOf, draftOf, emptyDraft, type Draft } from './draft';
import { EquipmentSection, GeneralSection, PerimeterSection, PostsSection } from './FormSections';
import { AllocationSection, CostsSection } from './FormMoney';
import { KeyFigures } from './KeyFigures';
import { Violations } from './Violations';
import { sm } from './messages';

/** `/projets/:id/scenarios/nouveau` and `/projets/:id/scenarios/:scenarioId/modifier`. */
export function ScenarioFormPage() {
  const { project } = useProjectContext();
  const { scenarioId } = useParams();
  const inputs = useQuery(scnQ.inputs(project.id));
  const detail = useQuery({ ...scnQ.detail(project.id, scenarioId ?? ''), enabled: !!scenarioId, staleTime: Infinity });
  useDocumentTitle(scenarioId ? sm.form.editTitle(detail.data?.title ?? '') : sm.form.newTitle, project.title);
  if (scenarioId && detail.isPending) return <Spinner />;
  if (scenarioId && detail.isError) return <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} />;
  return <QueryState query={inputs}>{(data) => <ScenarioForm inputs={data} scenario={scenarioId ? detail.data! : null} />}</QueryState>;
}

function ScenarioForm({ inputs, scenario }: { inputs: ScenarioInputsDto; scenario: ScenarioDetailDto | null }) {
  const { project } = useProjectContext();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => (scenario ? draftOf(scenario) : emptyDraft(inputs)));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  // The same pure computation as the server: the rules and figures follow every keystroke.
  const figures = useMemo(() => computeScenarioFigures(contentOf(draft, inputs), inputs), [draft, inputs]);
  const base = `/projets/${project.id}/scenarios`;
  const save = useMutation({
    mutationFn: () => (scenario ? scnApi.update(scenario.id, { ...draft, revision: scenario.revision }) : scnApi.create(project.id, draft)),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: scnKeys.all(project.id) });
      navigate(`${base}/${s.id}`);
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const stale = save.error instanceof ApiError && save.error.code === 'scenario_stale';
  const props = { draft, set, inputs, violations: figures.violations };

  return (
    <form className="scn-form" onSubmit={onSubmit} aria-labelledby="scn-form-title" noValidate>
      <h3 id="scn-form-title">{scenario ? sm.form.editTitle(scenario.title) : sm.form.newTitle}</h3>
      <p className="muted">{sm.form.intro}</p>
      <div className="scn-form-layout">
        <div className="stack scn-form-main">
          <GeneralSection {...props} />
          <PerimeterSection {...props} />
          <PostsSection {...props} />
          <EquipmentSection {...props} />
          <CostsSection {...props} />
          <AllocationSection {...props} figures={figures} />
        </div>
        <aside className="scn-form-side" aria-labelledby="scn-live-title">
          <div className="card scn-live-panel">
            <h4 id="scn-live-title">{sm.form.liveTitle}</h4>
            <div aria-live="polite" data-testid="live-violations">
              <Violations violations={figures.violations} compact />
            </div>
            <KeyFigures cost={figures.cost} />
          </div>
        </aside>
      </div>
      {save.isError ? stale ? <p className="alert alert-error" role="alert">{sm.form.stale}</p> : <ErrorMessage error={save.error} /> : null}
      <div className="button-row scn-form-actions">
        <Button type="submit" busy={save.isPending} busyLabel={sm.form.saving} disabled={draft.title.trim().length < 3}>
          {sm.form.save}
        </Button>
        <Link className="btn btn-secondary" to={scenario ? `${base}/${scenario.id}` : base}>
          {sm.form.cancel}
        </Link>
      </div>
    </form>
  );
}
