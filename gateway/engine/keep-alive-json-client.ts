import net from 'node:net';
import type { JsonResponse } from '../../platform/json-post';

/** An idle socket is closed after this long (the servers keep theirs 65 s: we close first, so never mid-request). */
const IDLE_MS = 30_000;
/** Sockets open at once to one origin; requests past them wait for a socket to come free. */
const MAX_SOCKETS = 256;
/** Bounds on what one answer may be: its head, and its body. */
const MAX_HEAD_BYTES = 64 * 1024;
const MAX_BODY_BYTES = 256 * 1024 * 1024;

interface Exchange {
  text: string;
  timeoutMs: number;
  mayResend: boolean;
  resolve: (res: JsonResponse<unknown>) => void;
  reject: (err: Error) => void;
}

/**
 * POSTs JSON to one `http:` origin over kept-alive sockets, each request its head and body in one write, the answer
 * read by a small HTTP/1.1 reader (Content-Length, chunked, or until close). Node's http client builds a
 * ClientRequest, an agent lookup, a parser and an IncomingMessage stream per request: for the gateway's subgraph
 * batches that was the largest share of its CPU after Apollo Server's pipeline. Failures look as node:http's do (the
 * socket's own errors, `socket hang up` with ECONNRESET), so callers tell a refused connection from a lost answer;
 * a request that may be repeated is resent once when a reused socket turns out closed.
 */
export class KeepAliveJsonClient {
  private readonly idle: Connection[] = [];
  private readonly queued: Exchange[] = [];
  private open = 0;
  private readonly head: string;

  constructor(readonly url: URL) {
    if (url.protocol !== 'http:') throw new Error(`KeepAliveJsonClient speaks http: only, not ${url.protocol}`);
    this.head = `POST ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nConnection: keep-alive\r\n`;
  }

  /** POSTs `body` (JSON text) with `headers`; resolves with the status and the parsed JSON answer. */
  post(body: string, headers: Record<string, string>, timeoutMs: number, idempotent: boolean): Promise<JsonResponse<unknown>> {
    let text = this.head;
    for (const name in headers) {
      const value = headers[name];
      if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) return Promise.reject(new TypeError(`Invalid character in header "${name}"`));
      text += `${name}: ${value}\r\n`;
    }
    text += `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    return new Promise((resolve, reject) => this.start({ text, timeoutMs, mayResend: idempotent, resolve, reject }));
  }

  private start(exchange: Exchange): void {
    let connection: Connection | undefined;
    while ((connection = this.idle.pop()) && !connection.usable()) connection = undefined;
    if (connection) return connection.send(exchange, true);
    if (this.open >= MAX_SOCKETS) return void this.queued.push(exchange);
    this.open++;
    new Connection(this).send(exchange, false);
  }

  /** A connection finished an exchange and may serve another. */
  released(connection: Connection): void {
    const next = this.queued.shift();
    if (next) return connection.send(next, true);
    this.idle.push(connection);
  }

  /** A connection closed: its place may go to a waiting request. */
  closed(connection: Connection): void {
    this.open--;
    const i = this.idle.indexOf(connection);
    if (i >= 0) this.idle.splice(i, 1);
    const next = this.queued.shift();
    if (next) this.start(next);
  }

  /** A request whose reused socket was found closed, sent again on a fresh one. */
  resend(exchange: Exchange): void {
    this.start({ ...exchange, mayResend: false });
  }
}

class Connection {
  private readonly socket: net.Socket;
  private exchange: Exchange | null = null;
  private reader: ResponseReader | null = null;
  private reused = false;
  private idleSince = 0;
  private timer: NodeJS.Timeout | undefined;
  private done = false;

  constructor(private readonly client: KeepAliveJsonClient) {
    // An IPv6 literal is bracketed in a URL, not in a socket address.
    const host = client.url.hostname.replace(/^\[(.*)\]$/, '$1');
    this.socket = net.connect({ host, port: Number(client.url.port || 80) });
    this.socket.setNoDelay(true);
    this.socket.on('data', (data: Buffer) => this.received(data));
    this.socket.on('end', () => this.received(null));
    this.socket.on('error', (err) => this.fail(err));
    this.socket.on('close', () => this.fail(hangUp()));
  }

  /** Still open and not idle past IDLE_MS (then closed here). */
  usable(): boolean {
    if (this.done) return false;
    if (Date.now() - this.idleSince < IDLE_MS) return true;
    this.socket.destroy();
    return false;
  }

  send(exchange: Exchange, reused: boolean): void {
    this.exchange = exchange;
    this.reused = reused;
    this.reader = new ResponseReader();
    this.socket.ref();
    // The socket, ref'd while in use, keeps the process alive as node:http's does; its timer need not.
    this.timer = setTimeout(() => this.socket.destroy(new Error(`no answer within ${exchange.timeoutMs} ms`)), exchange.timeoutMs).unref();
    this.socket.write(exchange.text);
  }

  private received(data: Buffer | null): void {
    const exchange = this.exchange;
    if (!exchange || !this.reader) return void this.socket.destroy(); // nothing asked: not ours to read
    let answer: Answer | null;
    try {
      answer = this.reader.feed(data);
    } catch (err) {
      return void this.socket.destroy(err as Error);
    }
    if (!answer) return;
    this.finish();
    let body: unknown;
    try {
      body = JSON.parse(answer.body);
    } catch {
      exchange.reject(new Error(`${this.client.url.host} answered ${answer.status} with a body that is not JSON`));
      return void this.socket.destroy();
    }
    exchange.resolve({ status: answer.status, body });
    if (!answer.keepAlive) return void this.socket.destroy();
    this.idleSince = Date.now();
    this.socket.unref();
    this.client.released(this);
  }

  private finish(): void {
    clearTimeout(this.timer);
    this.exchange = null;
    this.reader = null;
  }

  private fail(err: Error & { code?: string }): void {
    const exchange = this.exchange;
    const untouched = this.reader?.untouched ?? true;
    this.finish();
    if (!this.done) {
      this.done = true;
      this.socket.destroy();
      this.client.closed(this);
    }
    if (!exchange) return;
    // A reused socket the server had closed while idle: most likely it never saw the request.
    const closedWhileIdle = this.reused && untouched && (err.code === 'ECONNRESET' || err.code === 'EPIPE');
    if (exchange.mayResend && closedWhileIdle) this.client.resend(exchange);
    else exchange.reject(err);
  }
}

/** node:http's error for a connection that closed before its answer. */
function hangUp(): Error {
  return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
}

interface Answer {
  status: number;
  body: string;
  keepAlive: boolean;
}

const HEAD_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

/** Reads one HTTP/1.1 answer from the bytes of a socket, in whatever pieces they come. */
class ResponseReader {
  /** No byte of the answer has come yet. */
  untouched = true;
  private pending: Buffer = Buffer.alloc(0);
  private status = 0;
  private keepAlive = true;
  /** Body length by Content-Length; -1: chunked; -2: until the connection ends. */
  private length: number | null = null;
  private readonly parts: Buffer[] = [];
  private size = 0;

  /** The answer once complete, else null; `null` data is the end of the connection. Throws on a malformed answer. */
  feed(data: Buffer | null): Answer | null {
    if (data) {
      this.untouched = false;
      this.pending = this.pending.length === 0 ? data : Buffer.concat([this.pending, data]);
    }
    if (this.length === null && !this.readHead()) {
      if (!data) throw hangUp();
      return null;
    }
    if (this.length === -2) {
      if (!data) return { ...this.answer(), keepAlive: false };
      this.take(this.pending.length);
      return null;
    }
    if (this.length === -1) return this.readChunks(data === null);
    if (this.pending.length >= this.length!) {
      this.take(this.length!);
      return this.answer();
    }
    if (!data) throw hangUp();
    return null;
  }

  private readHead(): boolean {
    const end = this.pending.indexOf(HEAD_END);
    if (end < 0) {
      if (this.pending.length > MAX_HEAD_BYTES) throw new Error('The answer head is too large');
      return false;
    }
    const lines = this.pending.toString('latin1', 0, end).split('\r\n');
    this.pending = this.pending.subarray(end + 4);
    const status = /^HTTP\/1\.([01]) (\d{3})/.exec(lines[0]);
    if (!status) throw new Error(`Not an HTTP answer: ${lines[0].slice(0, 40)}`);
    this.status = Number(status[2]);
    this.keepAlive = status[1] === '1';
    let length: number | null = null;
    let chunked = false;
    for (let i = 1; i < lines.length; i++) {
      const colon = lines[i].indexOf(':');
      const name = lines[i].slice(0, colon).trim().toLowerCase();
      const value = lines[i].slice(colon + 1).trim();
      if (name === 'content-length') length = Number(value);
      else if (name === 'transfer-encoding') chunked = value.toLowerCase().split(',').pop()!.trim() === 'chunked';
      else if (name === 'connection') this.keepAlive = value.toLowerCase() !== 'close' && (this.keepAlive || value.toLowerCase() === 'keep-alive');
    }
    if (this.status >= 100 && this.status < 200) return this.readHead(); // an interim answer: the real one follows
    if (length !== null && (!Number.isSafeInteger(length) || length < 0 || length > MAX_BODY_BYTES)) throw new Error('Bad Content-Length');
    this.length = chunked ? -1 : this.status === 204 || this.status === 304 ? 0 : (length ?? -2);
    return true;
  }

  private readChunks(ended: boolean): Answer | null {
    for (;;) {
      const lineEnd = this.pending.indexOf(CRLF);
      if (lineEnd < 0) break;
      const size = parseInt(this.pending.toString('latin1', 0, lineEnd), 16);
      if (!Number.isSafeInteger(size) || size < 0 || this.size + size > MAX_BODY_BYTES) throw new Error('Bad chunk size');
      if (size === 0) {
        // The last chunk: its line, then trailers (if any), then an empty line.
        const end = this.pending.indexOf(HEAD_END, lineEnd);
        if (end < 0) break;
        this.pending = this.pending.subarray(end + 4);
        return this.answer();
      }
      if (this.pending.length < lineEnd + 2 + size + 2) break;
      this.pending = this.pending.subarray(lineEnd + 2);
      this.take(size);
      this.pending = this.pending.subarray(2);
    }
    if (ended) throw hangUp();
    return null;
  }

  private take(n: number): void {
    this.parts.push(this.pending.subarray(0, n));
    this.size += n;
    this.pending = this.pending.subarray(n);
    if (this.size > MAX_BODY_BYTES) throw new Error('The answer is too large');
  }

  private answer(): Answer {
    const body = this.parts.length === 1 ? this.parts[0].toString('utf8') : Buffer.concat(this.parts).toString('utf8');
    return { status: this.status, body, keepAlive: this.keepAlive && this.pending.length === 0 };
  }
}
