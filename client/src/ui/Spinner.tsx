import { messages } from '../i18n/messages';

/**
 * Loading state: a spinner plus a text, inside role="status" so that screen readers hear it once
 * without stealing focus. The animation stops for people who asked for reduced motion (styles.css).
 */
export function Spinner({ label = messages.common.loading, inline = false }: { label?: string; inline?: boolean }) {
  return (
    <div className={inline ? 'loading loading-inline' : 'loading'} role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
