import { create } from 'zustand';
import { UPLOAD_CHUNK_CHARS } from '../../../shared/ipc/contract-data-io';
import type { AMOUNT_UNITS, ImportJob, ImportMapping, ImportSummary } from '../../../shared/model/import';
import { api, call, desktopFiles } from '../../api/client';
import { useSettings } from '../../state/settings';
import { mappingToSave, overridesFrom, toBase64, uploadRanges, type Overrides } from './import-flow';

type AmountUnit = (typeof AMOUNT_UNITS)[number];
const POLL_MS = 200;

interface Source {
  /** The path the store's side reads: chosen in a native dialog, or where an upload was put. */
  file: string;
  name: string;
  bytes: number;
}

interface ImportState {
  source: Source | null;
  /** While a browser sends the chosen file: the share sent so far, 0 to 1. */
  uploading: number | null;
  encoding: string;
  amountUnit: AmountUnit | null;
  /** The UTC offset bare times are read in; null: such a time is an error. */
  assumeOffset: string | null;
  overrides: Overrides;
  skipBadRows: boolean;
  /** Desktop app only: where the skipped rows are saved as CSV. */
  rejectsFile: string | null;
  preview: ImportSummary | null;
  previewing: boolean;
  job: ImportJob | null;
  cancelling: boolean;
  saved: ImportMapping[];
  problem: string | null;
  reset(): void;
  loadSaved(): Promise<void>;
  chooseInBrowser(file: File): Promise<void>;
  chooseOnDesktop(): Promise<void>;
  setOption(
    patch: Partial<Pick<ImportState, 'encoding' | 'amountUnit' | 'assumeOffset' | 'skipBadRows'>>,
  ): Promise<void>;
  setColumn(header: string, column: string | null): Promise<void>;
  chooseRejectsFile(): Promise<void>;
  applySaved(name: string): Promise<void>;
  saveMapping(name: string): Promise<void>;
  deleteSaved(name: string): Promise<void>;
  start(): Promise<void>;
  cancel(): Promise<void>;
}

const FRESH = {
  source: null,
  uploading: null,
  encoding: '',
  amountUnit: null,
  assumeOffset: null,
  overrides: {},
  skipBadRows: false,
  rejectsFile: null,
  preview: null,
  previewing: false,
  job: null,
  cancelling: false,
  problem: null,
} as const;

let previewTicket = 0;

export const useImport = create<ImportState>((set, get) => {
  const failed = (error: unknown) => set({ problem: (error as Error).message, previewing: false });

  const request = () => {
    const { source, encoding, amountUnit, assumeOffset, overrides } = get();
    return {
      file: source!.file,
      ...(encoding === '' ? {} : { encoding }),
      ...(amountUnit === null ? {} : { amountUnit }),
      ...(assumeOffset === null ? {} : { assumeOffset }),
      mapping: overrides,
    };
  };

  // Every change of file, option or column checks the file again; only the newest answer counts.
  async function refreshPreview() {
    if (get().source === null) return;
    const ticket = ++previewTicket;
    set({ previewing: true, problem: null });
    try {
      const preview = await call(api['imports.preview'](request()));
      if (ticket === previewTicket) set({ preview, previewing: false });
    } catch (error) {
      if (ticket === previewTicket) failed(error);
    }
  }

  async function choose(source: Source) {
    set({ ...FRESH, source });
    await refreshPreview();
  }

  async function poll(job: string) {
    while (get().job?.job === job) {
      const view = await call(api['imports.progress']({ job }));
      set({ job: view });
      if (view.state !== 'running') return set({ cancelling: false });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  return {
    ...FRESH,
    saved: [],
    reset: () => set(FRESH),
    loadSaved: async () => {
      try {
        set({ saved: (await call(api['importMappings.list']({}))).items });
      } catch (error) {
        failed(error);
      }
    },
    chooseInBrowser: async (file) => {
      try {
        set({ ...FRESH, uploading: 0 });
        const ranges = uploadRanges(file.size, UPLOAD_CHUNK_CHARS);
        let upload: string | undefined;
        let path = '';
        for (const [index, [start, end]] of ranges.entries()) {
          set({ uploading: index / ranges.length, problem: null });
          const data = toBase64(new Uint8Array(await file.slice(start, end).arrayBuffer()));
          ({ upload, file: path } = await call(api['imports.upload']({ upload, name: file.name, data })));
        }
        await choose({ file: path, name: file.name, bytes: file.size });
      } catch (error) {
        set({ uploading: null });
        failed(error);
      }
    },
    chooseOnDesktop: async () => {
      const chosen = await desktopFiles()!.openFile({ purpose: 'import' });
      if (!chosen.ok) return failed(new Error(chosen.error.message));
      const file = chosen.value.file;
      if (file !== null) await choose({ file, name: file.split(/[\\/]/).at(-1)!, bytes: 0 });
    },
    setOption: async (patch) => {
      set(patch);
      if (!('skipBadRows' in patch)) await refreshPreview();
    },
    setColumn: async (header, column) => {
      set({ overrides: { ...get().overrides, [header]: column } });
      await refreshPreview();
    },
    chooseRejectsFile: async () => {
      const base = get().source?.name.replace(/\.[^.]*$/, '') ?? 'orders';
      const chosen = await desktopFiles()!.saveFile({
        purpose: 'rejects',
        suggestedName: `${base}-rejects.csv`,
      });
      if (!chosen.ok) return failed(new Error(chosen.error.message));
      if (chosen.value.file !== null) set({ rejectsFile: chosen.value.file });
    },
    applySaved: async (name) => {
      const saved = get().saved.find((mapping) => mapping.name === name);
      const headers = get().preview?.mapping.map((column) => column.header) ?? [];
      if (saved === undefined) return;
      set({ overrides: overridesFrom(saved, headers), amountUnit: saved.amountUnit });
      await refreshPreview();
    },
    saveMapping: async (name) => {
      const { preview, overrides, amountUnit } = get();
      if (preview === null) return;
      try {
        const mapping = mappingToSave(name, preview, overrides, amountUnit);
        set({ saved: (await call(api['importMappings.save'](mapping))).items });
      } catch (error) {
        failed(error);
      }
    },
    deleteSaved: async (name) => {
      try {
        set({ saved: (await call(api['importMappings.delete']({ name }))).items });
      } catch (error) {
        failed(error);
      }
    },
    start: async () => {
      try {
        const agent = useSettings.getState().agentName;
        const { skipBadRows, rejectsFile } = get();
        const rejects = skipBadRows && rejectsFile !== null ? { rejectsFile } : {};
        const job = await call(api['imports.start']({ ...request(), agent, skipBadRows, ...rejects }));
        set({ job, problem: null });
        await poll(job.job);
      } catch (error) {
        failed(error);
      }
    },
    cancel: async () => {
      const job = get().job;
      if (job === null) return;
      set({ cancelling: true });
      try {
        await call(api['imports.cancel']({ job: job.job }));
      } catch (error) {
        failed(error);
      }
    },
  };
});
