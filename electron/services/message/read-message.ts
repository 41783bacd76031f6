import PostalMime from 'postal-mime';

/** A customer's message as the console keeps it: plain text, with the mail's headers on top. */
export interface CustomerMessage {
  /** What the agent reads and the extractor reads: for a mail, From, Date and Subject lines, then the body. */
  text: string;
  subject: string | null;
  from: string | null;
}

/** Too large for a customer's message: a mail with attachments is cut to its text, never stored whole. */
export const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

export class MessageFormatError extends Error {}

// A mail starts with header fields; a pasted note does not. Three header names in the first
// lines, one of them From, Date or Subject, is a mail whatever the file is called.
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*:[ \t]/;
const MAIL_HEADER = /^(?:From|Date|Subject|Message-ID|MIME-Version|Received|Return-Path):/i;

function looksLikeMail(head: string): boolean {
  const lines = head.split(/\r?\n/, 20);
  const headers = lines
    .slice(0, lines.findIndex((line) => line === '') >>> 0)
    .filter((line) => HEADER_LINE.test(line));
  return headers.length >= 3 && headers.some((line) => MAIL_HEADER.test(line));
}

/** Plain text in UTF-8, or else GB18030 (which reads GBK and GB2312 too), a BOM dropped. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** An HTML-only mail's text: block ends as line breaks, tags dropped, the common entities read. */
function htmlText(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ', '#39': "'" };
  return html
    .replace(/<(?:script|style)[\s\S]*?<\/(?:script|style)>/gi, '')
    .replace(/<br\s*\/?>|<\/(?:p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|nbsp|#39);/g, (_, name: string) => entities[name]!)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

async function readMail(bytes: Uint8Array): Promise<CustomerMessage> {
  const mail = await PostalMime.parse(bytes);
  const header = (name: string) =>
    mail.headers
      .find((one) => one.key === name)
      ?.value.replace(/\s+/g, ' ')
      .trim();
  const from =
    mail.from === undefined
      ? undefined
      : [mail.from.name, mail.from.address && `<${mail.from.address}>`].filter(Boolean).join(' ');
  const lines = [
    from === undefined || from === '' ? undefined : `From: ${from}`,
    // The Date header as written, with its own offset (postal-mime's date is converted to UTC).
    header('date') === undefined ? undefined : `Date: ${header('date')}`,
    mail.subject === undefined ? undefined : `Subject: ${mail.subject}`,
  ].filter((line) => line !== undefined);
  const body = mail.text ?? (mail.html === undefined ? '' : htmlText(mail.html));
  return {
    text: `${lines.join('\n')}\n\n${body.replace(/\r\n?/g, '\n').trim()}\n`,
    subject: mail.subject ?? null,
    from: from || null,
  };
}

/**
 * Reads a pasted or dropped message: a mail (.eml, or text that starts like one) decoded by
 * postal-mime (RFC 2047 headers, base64 and quoted-printable bodies, each part's charset),
 * or plain text.
 */
export async function readMessage(bytes: Uint8Array, fileName = ''): Promise<CustomerMessage> {
  if (bytes.byteLength > MAX_MESSAGE_BYTES) throw new MessageFormatError('the message is larger than 5 MB');
  const head = decodeText(bytes.subarray(0, 4096));
  if (/\.eml$/i.test(fileName) || looksLikeMail(head)) return readMail(bytes);
  return { text: decodeText(bytes), subject: null, from: null };
}
