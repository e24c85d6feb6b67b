import { Suspense } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { RoundDetailDto } from '../../../../shared/rounds/api.js';
import { lazyPage } from '../../app/lazyPage';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Spinner } from '../../ui/Spinner';
import { useProjectContext } from '../projects/useProjectContext';
import { roundFiles, roundQ, useRoundMutations } from './api';
import { rm } from './messages';

const ImpactChart = lazyPage(() => import('./ImpactChart'), 'ImpactChart');

/**
 * The synthesis: the effect on the communes' programmes (live while open), then at closing the `synthese` document
 * (edited by the facilitator in the Documents tab) and the downloads (CSV of positions, DOCX/PDF of the synthesis).
 */
export function SynthesisPanel({ round }: { round: RoundDetailDto }) {
  const { project } = useProjectContext();
  const synthesis = useQuery(roundQ.synthesis(project.id, round.id));
  const { generate } = useRoundMutations(project.id);
  const closed = round.status === 'clos';
  const docId = round.synthesisDocumentId;
  const base = `/projets/${encodeURIComponent(project.id)}`;
  return (
    <section className="rounds-card" aria-labelledby="synthesis-title">
      <h3 id="synthesis-title">{rm.synthesis.title}</h3>
      {!closed ? <p className="muted">{rm.synthesis.pending}</p> : null}
      {closed && docId ? (
        <p>
          <Link className="btn btn-primary" to={`${base}/documents/${encodeURIComponent(docId)}`}>
            {rm.synthesis.open}
          </Link>
        </p>
      ) : null}
      {closed && !docId ? (
        <div className="rounds-notice">
          <p>{rm.synthesis.missing}</p>
          {round.me.canManage ? (
            <Button busy={generate.isPending} onClick={() => generate.mutate(round.id)}>
              {rm.synthesis.generate}
            </Button>
          ) : null}
          {generate.isError ? <ErrorMessage error={generate.error} /> : null}
        </div>
      ) : null}
      <p className="rounds-subtitle">{rm.synthesis.downloads}</p>
      <ul className="rounds-downloads">
        <li>
          <a href={roundFiles.csv(round.id)} download>
            {rm.synthesis.csv}
          </a>
        </li>
        {closed && docId ? (
          <>
            <li>
              <a href={roundFiles.document(docId, 'docx')} download>
                {rm.synthesis.docx}
              </a>
            </li>
            <li>
              <a href={roundFiles.document(docId, 'pdf')} download>
                {rm.synthesis.pdf}
              </a>
            </li>
          </>
        ) : null}
      </ul>
      <h4>{rm.synthesis.impactTitle}</h4>
      {synthesis.data ? (
        synthesis.data.programmeImpact.byCommune.length === 0 ? (
          <p className="muted">{rm.synthesis.impactEmpty}</p>
        ) : (
          <Suspense fallback={<Spinner />}>
            <ImpactChart impact={synthesis.data.programmeImpact} communeNames={Object.fromEntries(round.invitedCommunes.map((c) => [c.id, c.name]))} />
          </Suspense>
        )
      ) : synthesis.isError ? (
        <ErrorMessage error={synthesis.error} />
      ) : (
        <Spinner />
      )}
    </section>
  );
}
