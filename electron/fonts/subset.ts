import { readFileSync } from 'node:fs';
import type { FontPiece } from './pieces';

/** The parts of HarfBuzz's subsetter (its WebAssembly build, from harfbuzzjs) used here. */
interface HarfBuzz {
  memory: WebAssembly.Memory;
  malloc(bytes: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codePoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;

let harfbuzz: Promise<HarfBuzz> | undefined;
const sfnts = new Map<string, Promise<Uint8Array>>();
let decoding: Promise<unknown> = Promise.resolve();

function loadHarfBuzz(wasmFile: string): Promise<HarfBuzz> {
  harfbuzz ??= WebAssembly.instantiate(readFileSync(wasmFile)).then(
    ({ instance }) => instance.exports as unknown as HarfBuzz,
  );
  return harfbuzz;
}

// Loaded when a report is first printed: the decoder starts its WebAssembly as it loads, which
// no other command should pay for.
const decoder = async () => (await import('wawoff2/decompress.js')).default;

/** A piece as TrueType (it ships as WOFF2, which HarfBuzz does not read), decompressed once. */
export function sfntOf(piece: FontPiece): Promise<Uint8Array> {
  let sfnt = sfnts.get(piece.file);
  if (sfnt === undefined) {
    const woff2 = readFileSync(piece.file);
    // One at a time, each answer copied before the next call: the decoder answers with a view
    // of its own memory, which its next call may grow and so detach.
    sfnt = decoding
      .then(() => decoder())
      .then((decompress) => decompress(woff2))
      .then((view) => view.slice());
    decoding = sfnt.catch(() => undefined);
    sfnts.set(piece.file, sfnt);
  }
  return sfnt;
}

/**
 * The piece cut down to the glyphs for `codePoints` (and what shaping them needs: Arabic's
 * joining forms, ligatures), as TrueType: a report carries a few kilobytes of each font it
 * uses, not the hundreds a piece holds. HarfBuzz's own subsetter, so nothing is guessed.
 */
export async function subsetPiece(
  piece: FontPiece,
  codePoints: readonly number[],
  wasmFile: string,
): Promise<Uint8Array> {
  const [hb, sfnt] = await Promise.all([loadHarfBuzz(wasmFile), sfntOf(piece)]);
  const data = hb.malloc(sfnt.byteLength);
  new Uint8Array(hb.memory.buffer, data, sfnt.byteLength).set(sfnt);
  const blob = hb.hb_blob_create(data, sfnt.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  try {
    if (input === 0) throw new Error(`cannot subset ${piece.file}: out of memory`);
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const point of codePoints) hb.hb_set_add(unicodes, point);
    const subset = hb.hb_subset_or_fail(face, input);
    if (subset === 0) throw new Error(`cannot subset ${piece.file}`);
    const result = hb.hb_face_reference_blob(subset);
    const bytes = new Uint8Array(
      hb.memory.buffer,
      hb.hb_blob_get_data(result, 0),
      hb.hb_blob_get_length(result),
    ).slice();
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
    return bytes;
  } finally {
    if (input !== 0) hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.free(data);
  }
}
