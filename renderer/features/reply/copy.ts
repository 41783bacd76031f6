/**
 * Copies the reply text. The clipboard may refuse (a denied permission, a window without
 * focus): the agent is told it did not copy rather than left to paste an old clipboard.
 */
export async function copyText(
  clipboard: Pick<Clipboard, 'writeText'>,
  text: string,
): Promise<'reply.copied' | 'reply.copyFailed'> {
  try {
    await clipboard.writeText(text);
    return 'reply.copied';
  } catch {
    return 'reply.copyFailed';
  }
}
