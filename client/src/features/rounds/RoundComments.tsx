import { useQuery } from '@tanstack/react-query';
import type { RoundDetailDto } from '../../../../shared/rounds/api.js';
import { QueryState } from '../../ui/QueryState';
import { useProjectContext } from '../projects/useProjectContext';
import { commentQ } from '../comments/api';
import { ThreadCard } from '../comments/ThreadCard';
import '../comments/comments.css';
import { rm } from './messages';

/** The comment threads attached to the round (opened while it was open), with the comments feature's own cards. */
export function RoundComments({ round }: { round: RoundDetailDto }) {
  const { project } = useProjectContext();
  const threads = useQuery(commentQ.list(project.id, { roundId: round.id }));
  const people = useQuery(commentQ.people(project.id));
  return (
    <section className="rounds-card" aria-labelledby="round-comments-title">
      <h3 id="round-comments-title">{rm.comments.title}</h3>
      {round.me.canComment ? <p className="muted">{rm.comments.how}</p> : null}
      <QueryState query={threads}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{rm.comments.empty}</p>
          ) : (
            <div className="rounds-threads">
              {list.map((t) => (
                <ThreadCard key={t.id} thread={t} people={people.data ?? []} />
              ))}
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
