import { useQuery } from '@tanstack/react-query';
import { roundQ } from '../rounds/api';
import { useMe } from '../../app/session';
import type { RoundSummaryDto } from '../../../../shared/rounds/api.js';

/**
 * The open tour de table whose scope includes this document, if any: comments written on the document during the
 * round are attached to it (the round's synthesis groups them). A partner's comment is attached only when the round
 * lets partners comment — otherwise it stays a plain document comment rather than being refused.
 */
export function useOpenRoundFor(projectId: string, documentId: string): RoundSummaryDto | null {
  const me = useMe();
  const rounds = useQuery(roundQ.list(projectId));
  const now = Date.now();
  const round = (rounds.data ?? []).find(
    (r) => r.effectiveStatus === 'ouvert' && r.documentIds.includes(documentId) && Date.parse(r.opensAt) <= now && now < Date.parse(r.closesAt),
  );
  if (!round) return null;
  if (me.role === 'partenaire' && !round.partnersMayComment) return null;
  return round;
}
