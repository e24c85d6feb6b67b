import type { DiffBlock } from '../../../../../shared/versions/diff.js';
import type { VersionDiffDto } from '../../../../../shared/versions/types.js';
import { Badge, type BadgeTone } from '../../../ui/Badge';
import { versionMessages as m } from './messages';

const TONES: Record<DiffBlock['status'], BadgeTone> = { same: 'neutral', added: 'success', removed: 'danger', changed: 'warning' };

/**
 * The readable diff of a version against the current text. Accessible without colour: every changed block has a
 * text badge, deleted text is struck through (<del>) and added text underlined (<ins>), each preceded by a
 * visually hidden « Début d’ajout / de suppression » that screen readers announce (most ignore <ins>/<del>).
 * Unchanged paragraphs are shown dimmed so the reader keeps the context.
 */
export function DiffView({ diff }: { diff: VersionDiffDto }) {
  const { stats } = diff;
  if (stats.added + stats.removed + stats.changed === 0) return <p>{m.noDifference}</p>;
  return (
    <div className="versions-diff">
      <p className="field-hint">{m.compareLegend}</p>
      <p role="status">{m.stats(stats)}</p>
      <ol className="versions-diff-blocks">
        {diff.blocks.map((block, i) => (
          <li key={i} className={`versions-diff-block versions-diff-${block.status}`}>
            {block.status === 'same' ? (
              <span className="visually-hidden">{m.status.same} : </span>
            ) : (
              <Badge tone={TONES[block.status]}>{m.status[block.status]}</Badge>
            )}{' '}
            <BlockText block={block} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function Ins({ text }: { text: string }) {
  return (
    <ins>
      <span className="visually-hidden">{m.insStart}</span>
      {text}
    </ins>
  );
}

function Del({ text }: { text: string }) {
  return (
    <del>
      <span className="visually-hidden">{m.delStart}</span>
      {text}
    </del>
  );
}

function BlockText({ block }: { block: DiffBlock }) {
  switch (block.status) {
    case 'same':
      return <span className="versions-diff-text">{block.after}</span>;
    case 'added':
      return <span className="versions-diff-text"><Ins text={block.after} /></span>;
    case 'removed':
      return <span className="versions-diff-text"><Del text={block.before} /></span>;
    case 'changed':
      return (
        <span className="versions-diff-text">
          {block.words.map((w, i) => (w.op === '=' ? <span key={i}>{w.text}</span> : w.op === '+' ? <Ins key={i} text={w.text} /> : <Del key={i} text={w.text} />))}
        </span>
      );
  }
}
