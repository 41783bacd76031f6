import { create } from 'zustand';
import { useRoute } from '../../state/route';

interface ExportDialogState {
  open: boolean;
  setOpen(open: boolean): void;
}

/** Whether the export dialog is over the queue: opened by its button, the palette or the menu. */
export const useExportDialog = create<ExportDialogState>((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

export function openExport(): void {
  useRoute.getState().go({ name: 'queue' });
  useExportDialog.setState({ open: true });
}
