import type { HTMLAttributes, ReactNode } from 'react';

/** A white panel with a border; `as` picks the landmark-friendly element (section, article, li…). */
export function Card({
  as: Tag = 'div',
  className,
  children,
  ...rest
}: HTMLAttributes<HTMLElement> & { as?: 'div' | 'section' | 'article' | 'li'; children: ReactNode }) {
  return (
    <Tag {...rest} className={['card', className].filter(Boolean).join(' ')}>
      {children}
    </Tag>
  );
}
