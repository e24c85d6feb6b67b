import { useEffect } from 'react';
import { pageTitle } from '../i18n/messages';

/** Sets `document.title` to « parts — Mutualab » (WCAG 2.4.2: each page has a descriptive title). */
export function useDocumentTitle(...parts: (string | undefined | null)[]): void {
  const title = pageTitle(...parts.filter((p): p is string => !!p));
  useEffect(() => {
    document.title = title;
  }, [title]);
}
