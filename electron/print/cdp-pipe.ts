import type { Readable, Writable } from 'node:stream';

interface Waiting {
  method: string;
  resolve: (result: Record<string, unknown>) => void;
  reject: (error: Error) => void;
}

interface Message {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/**
 * The Chrome DevTools Protocol over Chromium's `--remote-debugging-pipe`: JSON messages ended
 * by a NUL byte, commands written to the browser's fd 3 and answers and events read from its
 * fd 4. No port is opened, so no other process can drive the browser. Pages are reached
 * through flat sessions (Target.attachToTarget with `flatten`): a `sessionId` on the message.
 */
export class CdpPipe {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private readonly listeners = new Set<(message: Message) => void>();
  private unread = '';
  private closed: Error | null = null;

  constructor(
    private readonly commands: Writable,
    events: Readable,
  ) {
    events.setEncoding('utf8');
    events.on('data', (chunk: string) => this.receive(chunk));
    events.on('close', () => this.fail(new Error('Chromium closed the connection')));
    events.on('error', (error) => this.fail(error));
    commands.on('error', (error) => this.fail(error));
  }

  send(method: string, params: object = {}, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.closed !== null) return Promise.reject(this.closed);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { method, resolve, reject });
      this.commands.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  /** The next event `method` of the session; listen before sending what causes it. */
  next(method: string, sessionId: string): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const listener = (message: Message) => {
        if (message.id === -1) reject(this.closed!);
        else if (message.method === method && message.sessionId === sessionId) resolve(message.params ?? {});
        else return;
        this.listeners.delete(listener);
      };
      if (this.closed !== null) reject(this.closed);
      else this.listeners.add(listener);
    });
  }

  private receive(chunk: string): void {
    const parts = (this.unread + chunk).split('\0');
    this.unread = parts.pop()!;
    for (const part of parts) {
      const message = JSON.parse(part) as Message;
      if (message.id === undefined) {
        for (const listener of [...this.listeners]) listener(message);
        continue;
      }
      const waiting = this.waiting.get(message.id);
      if (waiting === undefined) continue;
      this.waiting.delete(message.id);
      if (message.error === undefined) waiting.resolve(message.result ?? {});
      else waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
    }
  }

  private fail(error: Error): void {
    if (this.closed !== null) return;
    this.closed = error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
    // id -1 is never a command's: the listeners take it as "no event will come".
    for (const listener of [...this.listeners]) listener({ id: -1 });
    this.listeners.clear();
  }
}
