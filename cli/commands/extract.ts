import { extractProposals } from '../../shared/extract';
import { MessageFormatError, readMessage } from '../../electron/services/message';
import { defineCommand } from '../command';
import { BadInputError, messageOf } from '../errors';
import { json } from '../io';

export default defineCommand({
  args: 'FILE|-',
  arity: [1, 1],
  summary:
    "The facts a customer's message states (a mail or plain text), as proposals for an agent: " +
    "values in decide's form (minor units, ISO 8601 with offset, kind ids) with where each was read.",
  options: {},
  usesStore: false,
  async run({ positionals: [file], io }) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readBytes(file!);
    } catch (error) {
      throw new BadInputError(`cannot read ${file}: ${messageOf(error)}`);
    }
    try {
      const message = await readMessage(bytes, file);
      io.stdout(json({ proposals: extractProposals(message.text) }));
    } catch (error) {
      if (error instanceof MessageFormatError) throw new BadInputError(`${file}: ${error.message}`);
      throw error;
    }
  },
});
