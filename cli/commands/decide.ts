import { decide, parseFacts, renderDecisionText } from '../../shared/policy';
import { languageFlag, parseArgs } from '../args';
import { EXIT, readJsonInput, type CliIo } from '../io';

/** `refund-console decide FILE|- [--explain] [--lang en|zh]` */
export async function decideCommand(args: string[], io: CliIo, now = Date.now()): Promise<number> {
  const parsed = parseArgs(args, ['lang']);
  const language = languageFlag(parsed);
  const input = await readJsonInput(io, parsed.positionals[0]);
  if (!input.ok) {
    io.stderr(`refund-console decide: ${input.message}\n`);
    return EXIT.badInput;
  }
  const facts = parseFacts(input.value, now);
  if (!facts.ok) {
    io.stderr(`refund-console decide: ${facts.error.field}: ${facts.error.message}\n`);
    return EXIT.badInput;
  }
  const decision = decide(facts.facts, { now, language });
  io.stdout(
    parsed.flags.has('explain')
      ? renderDecisionText(decision, language)
      : `${JSON.stringify(decision, null, 2)}\n`,
  );
  return EXIT.ok;
}
