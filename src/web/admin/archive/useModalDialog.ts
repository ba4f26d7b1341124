import { useEffect, useRef } from 'react';

/**
 * A native <dialog> shown as a modal while `open` is true (focus trapped, Escape closes it), and
 * closed otherwise: the ref goes on the <dialog>.
 */
export function useModalDialog(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (open && !node.open) node.showModal();
    if (!open && node.open) node.close();
  }, [open]);
  return dialog;
}
