/**
 * Reads, from the server's source, the action codes passed to `recordAudit(…)`: string literals, each branch of a
 * conditional, and template literals (their `${…}` parts become `*`). A call whose action is not written literally
 * is reported as unresolved, so a test can ask for a literal (or a label pattern) instead of silently skipping it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export type RecordedAction = { action: string; file: string; line: number };
export type Unresolved = { expression: string; file: string; line: number };

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (name.endsWith('.ts')) yield path;
  }
}

/** Index just after the expression that starts at `from` and ends at a top-level `,`, `)` or `}`. */
function expressionEnd(src: string, from: number): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const ch = src[i];
    if (ch === "'" || ch === '"' || ch === '`') {
      i = stringEnd(src, i);
      continue;
    }
    if (ch === '(' || ch === '{' || ch === '[') depth++;
    else if (ch === ')' || ch === '}' || ch === ']') {
      if (depth === 0) return i;
      depth--;
    } else if (ch === ',' && depth === 0) return i;
  }
  return src.length;
}

/** Index of the closing quote of the string starting at `start` (template literals: nested `${}` skipped). */
function stringEnd(src: string, start: number): number {
  const quote = src[start];
  for (let i = start + 1; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (quote === '`' && src[i] === '$' && src[i + 1] === '{') i = expressionEnd(src, i + 2);
    else if (src[i] === quote) return i;
  }
  return src.length;
}

/** Literal action codes in an expression (a template's `${…}` → `*`). */
function literalsOf(expression: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i];
    if (ch !== "'" && ch !== '"' && ch !== '`') continue;
    const end = stringEnd(expression, i);
    let body = expression.slice(i + 1, end);
    if (ch === '`') {
      let flat = '';
      for (let j = 0; j < body.length; j++) {
        if (body[j] === '$' && body[j + 1] === '{') {
          flat += '*';
          j = expressionEnd(body, j + 2);
        } else flat += body[j];
      }
      body = flat;
    }
    out.push(body);
    i = end;
  }
  return out;
}

/** Every `recordAudit(` call under `root` (excluding its definition) and the action codes it records. */
export function recordedActions(root: string): { actions: RecordedAction[]; unresolved: Unresolved[] } {
  const actions: RecordedAction[] = [];
  const unresolved: Unresolved[] = [];
  for (const path of sourceFiles(root)) {
    const src = readFileSync(path, 'utf8');
    const file = relative(process.cwd(), path);
    for (let at = src.indexOf('recordAudit('); at >= 0; at = src.indexOf('recordAudit(', at + 1)) {
      if (/function\s+$/.test(src.slice(Math.max(0, at - 20), at))) continue;
      const callEnd = expressionEnd(src, at + 'recordAudit('.length) ; // end of the first argument
      const argsEnd = (() => {
        let i = callEnd;
        while (src[i] === ',') i = expressionEnd(src, i + 1);
        return i;
      })();
      const args = src.slice(at, argsEnd);
      const line = src.slice(0, at).split('\n').length;
      const key = args.search(/\baction\s*:/);
      if (key < 0) {
        unresolved.push({ expression: args.slice(0, 120), file, line });
        continue;
      }
      const start = args.indexOf(':', key) + 1;
      const expression = args.slice(start, expressionEnd(args, start)).trim();
      const literals = literalsOf(expression).filter((s) => /^[a-z_*]+(\.[a-z_*]+)+$/.test(s));
      if (literals.length === 0) unresolved.push({ expression, file, line });
      for (const action of literals) actions.push({ action, file, line });
    }
  }
  return { actions, unresolved };
}
