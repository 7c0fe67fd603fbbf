import { isMutation, postJson, type JsonResponse } from '../platform/json-post';

interface Waiting {
  operation: Record<string, unknown>;
  authorization: string | undefined;
  resolve: (res: JsonResponse<unknown>) => void;
  reject: (err: unknown) => void;
}

/** A batch never carries more operations than this (the subgraphs accept up to 100). */
const MAX_BATCH = 50;

/**
 * Fetches to one subgraph issued in the same turn of the event loop (a plan's parallel fetches, and under load the
 * fetches of many concurrent requests) go out as one HTTP request carrying an array of operations. A lone fetch goes
 * as it is, with its caller's Authorization. A batch goes with the gateway's own `service` token, each operation
 * naming its caller in `extensions.authorization`; the subgraph runs each with a context of its own for that caller
 * (platform/http-server.ts, `operationCaller`).
 */
export class SubgraphBatcher {
  private waiting: Waiting[] = [];

  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
    private readonly serviceToken: () => Promise<string>,
  ) {}

  send(operation: Record<string, unknown>, authorization: string | undefined): Promise<JsonResponse<unknown>> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => this.flush());
      this.waiting.push({ operation, authorization, resolve, reject });
    });
  }

  private flush(): void {
    const all = this.waiting;
    this.waiting = [];
    for (let i = 0; i < all.length; i += MAX_BATCH) {
      const batch = all.slice(i, i + MAX_BATCH);
      if (batch.length === 1) this.sendOne(batch[0]);
      else this.sendBatch(batch).catch((err) => batch.forEach((w) => w.reject(err)));
    }
  }

  private sendOne(w: Waiting): void {
    const headers: Record<string, string> = w.authorization ? { authorization: w.authorization } : {};
    const idempotent = !isMutation(w.operation.query);
    postJson(this.url, w.operation, headers, { timeoutMs: this.timeoutMs, idempotent }).then(w.resolve, w.reject);
  }

  private async sendBatch(batch: Waiting[]): Promise<void> {
    const operations = batch.map((w) => ({
      ...w.operation,
      extensions: { ...(w.operation.extensions as object | undefined), ...(w.authorization ? { authorization: w.authorization } : {}) },
    }));
    const idempotent = batch.every((w) => !isMutation(w.operation.query));
    const headers = { authorization: `Bearer ${await this.serviceToken()}` };
    const res = await postJson<unknown>(this.url, operations, headers, { timeoutMs: this.timeoutMs, idempotent });
    const answers = res.body;
    if (Array.isArray(answers) && answers.length === batch.length) {
      batch.forEach((w, i) => w.resolve({ ...res, body: answers[i] }));
    } else if (res.status < 200 || res.status > 299) {
      batch.forEach((w) => w.resolve(res)); // refused as a whole: each operation reports the refusal
    } else {
      throw new Error(`${this.url} answered a batch of ${batch.length} operations with something else`);
    }
  }
}
