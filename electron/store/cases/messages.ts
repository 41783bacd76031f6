import { createHash } from 'node:crypto';
import type { CaseMessage, MessageEvent, NewMessage } from '../../../shared/model/message';
import { type CaseStore, InvalidInputError, iso, requireCase } from '../core';
import { ADDITION, writeCase } from './write-case';

interface MessageRow {
  id: number;
  body: string;
  subject: string | null;
  sender: string | null;
  file_name: string | null;
  added_at: number;
  added_by: string;
}

const SELECT = 'SELECT id, body, subject, sender, file_name, added_at, added_by FROM case_messages';

const messageOf = (row: MessageRow): CaseMessage => ({
  id: row.id,
  text: row.body,
  subject: row.subject,
  from: row.sender,
  fileName: row.file_name,
  addedAt: iso(row.added_at),
  addedBy: row.added_by,
});

/** The customer's messages kept with the case, oldest first. */
export function listMessages(store: CaseStore, ref: string): CaseMessage[] {
  const { id } = requireCase(store, ref);
  return (store.sql(`${SELECT} WHERE case_id = ? ORDER BY id`).all(id) as MessageRow[]).map(messageOf);
}

/**
 * Keeps a customer's message with the case. Like a note it adds without overwriting, so it
 * needs no revision; the audit row names it by size and digest (a mail can be long), with
 * its subject and file, so the trail shows which message an accepted fact came from.
 */
export function addMessage(store: CaseStore, ref: string, message: NewMessage, agent: string): CaseMessage {
  if (message.text.trim() === '') throw new InvalidInputError('the message is empty');
  let id = 0;
  writeCase(store, ref, ADDITION, (row) => {
    const kept = insertMessage(store, row.id, { ...message, addedAt: store.now() }, agent);
    id = kept.id;
    return kept.audit;
  });
  return messageOf(store.sql(`${SELECT} WHERE id = ?`).get(id) as MessageRow);
}

/**
 * Inserts a message; returns its id and what its audit row says. Call inside a write. A
 * message added here and one another desktop added (a pulled `message.add`) are kept by this
 * one function.
 */
export function insertMessage(store: CaseStore, caseId: number, message: MessageEvent, agent: string) {
  const { lastInsertRowid } = store
    .sql(
      `INSERT INTO case_messages (case_id, body, subject, sender, file_name, added_at, added_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(caseId, message.text, message.subject, message.from, message.fileName, message.addedAt, agent);
  const id = Number(lastInsertRowid);
  const audit = {
    action: 'message.add',
    actor: agent,
    detail: {
      messageId: id,
      characters: message.text.length,
      sha256: createHash('sha256').update(message.text).digest('hex'),
      subject: message.subject,
      fileName: message.fileName,
    },
  };
  return { id, audit };
}

/** Refuses a message that is not this case's: a fact's source must be the case's own message. */
export function requireMessageOf(store: CaseStore, caseId: number, messageId: number): void {
  const found = store.sql('SELECT 1 FROM case_messages WHERE id = ? AND case_id = ?').get(messageId, caseId);
  if (found === undefined)
    throw new InvalidInputError(`message ${messageId} is not one of this case's messages`);
}
