import type { ReactNode } from 'react';
import type { JSONContent } from '@tiptap/core';

/**
 * Renders a version's ProseMirror JSON as plain read-only HTML (no editor instance, no Yjs, no innerHTML): the
 * node and mark types of the shared editor schema; anything unknown falls back to its children.
 */
export function ReadOnlyContent({ content, emptyText }: { content: JSONContent; emptyText: string }) {
  const children = content.content ?? [];
  if (children.length === 0) return <p className="versions-empty">{emptyText}</p>;
  return <div className="versions-content">{children.map((node, i) => renderNode(node, i))}</div>;
}

/** Only these link targets are rendered as links (no `javascript:` from a stored document). */
const SAFE_HREF = /^(https?:|mailto:)/i;

function renderMarks(text: ReactNode, marks: JSONContent['marks'], key: number): ReactNode {
  let out = text;
  for (const mark of marks ?? []) {
    switch (mark.type) {
      case 'bold':
        out = <strong>{out}</strong>;
        break;
      case 'italic':
        out = <em>{out}</em>;
        break;
      case 'underline':
        out = <u>{out}</u>;
        break;
      case 'strike':
        out = <s>{out}</s>;
        break;
      case 'code':
        out = <code>{out}</code>;
        break;
      case 'link': {
        const href = typeof mark.attrs?.href === 'string' ? mark.attrs.href : '';
        out = SAFE_HREF.test(href) ? <a href={href} rel="noopener noreferrer nofollow" target="_blank">{out}</a> : out;
        break;
      }
      default:
        break;
    }
  }
  return <span key={key}>{out}</span>;
}

function renderNode(node: JSONContent, key: number): ReactNode {
  const kids = () => (node.content ?? []).map((child, i) => renderNode(child, i));
  switch (node.type) {
    case 'text':
      return renderMarks(node.text ?? '', node.marks, key);
    case 'hardBreak':
      return <br key={key} />;
    case 'paragraph':
      return <p key={key}>{kids()}</p>;
    case 'heading': {
      // Shifted by one level: the panel already has its own heading above the version's text.
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 1) + 1);
      const Tag = `h${level}` as 'h2';
      return <Tag key={key}>{kids()}</Tag>;
    }
    case 'bulletList':
      return <ul key={key}>{kids()}</ul>;
    case 'orderedList':
      return <ol key={key} start={typeof node.attrs?.start === 'number' ? node.attrs.start : undefined}>{kids()}</ol>;
    case 'listItem':
      return <li key={key}>{kids()}</li>;
    case 'blockquote':
      return <blockquote key={key}>{kids()}</blockquote>;
    case 'codeBlock':
      return <pre key={key}><code>{kids()}</code></pre>;
    case 'horizontalRule':
      return <hr key={key} />;
    case 'table':
      return (
        <div key={key} className="table-scroll">
          <table>
            <tbody>{kids()}</tbody>
          </table>
        </div>
      );
    case 'tableRow':
      return <tr key={key}>{kids()}</tr>;
    case 'tableHeader':
      return <th key={key} scope="col">{kids()}</th>;
    case 'tableCell':
      return <td key={key}>{kids()}</td>;
    default:
      return <span key={key}>{kids()}</span>;
  }
}
