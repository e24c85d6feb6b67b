import { useEffect, useId, useRef, useState } from 'react';

/**
 * State of a disclosure popover (user menu, notification bell): open/closed, closes on Escape (focus back to the
 * button) and on a pointer press outside its root. Spread `buttonProps` on the toggle button and put `rootRef` on the
 * element that holds both the button and the panel (`id={panelId}`).
 */
export function usePopover() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const buttonProps = { ref: buttonRef, 'aria-expanded': open, 'aria-controls': panelId, onClick: () => setOpen((v) => !v) } as const;
  return { open, setOpen, panelId, rootRef, buttonRef, buttonProps };
}
