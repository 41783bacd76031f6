import type { Proposal } from '../../../shared/extract';

/**
 * The message as the customer wrote it, each proposal's source marked where it stands. A span
 * inside another (the ¥ of "¥300") is shown by the outer one; the selected proposal's mark is
 * the one lit.
 */
export function MessageText({
  text,
  proposals,
  selected,
}: {
  text: string;
  proposals: Proposal[];
  selected: Proposal | null;
}) {
  const marks = [...proposals].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;
    if (mark.start > at) parts.push(text.slice(at, mark.start));
    const lit = selected !== null && selected.start >= mark.start && selected.end <= mark.end;
    parts.push(
      <mark key={mark.start} className={lit ? 'lit' : undefined} data-fact={mark.fact}>
        {text.slice(mark.start, mark.end)}
      </mark>,
    );
    at = mark.end;
  }
  parts.push(text.slice(at));
  return <pre className="message-text">{parts}</pre>;
}
