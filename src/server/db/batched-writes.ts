import type pg from "pg";

/**
 * Sends the queries a connection is given in one turn of the event loop in one write.
 *
 * The driver writes each query to the socket as soon as it is issued: on a pipelined connection a
 * transaction's BEGIN and first read, its audit record and COMMIT, or a request's detail reads
 * issued together, each cost a system call and, on loopback, a wake-up of the PostgreSQL backend,
 * which then reads them one at a time (writes to PostgreSQL are a fifth to a third of the server's
 * CPU under load, `npm run bench:profile`; batching them gained about 3 % on search). Corked until
 * the work already queued for this turn has run, they leave in one write; PostgreSQL reads them
 * together and answers them in order, as before. The delay is the rest of the current turn, never
 * a wait for I/O: the socket is uncorked on the next tick.
 */
export function batchWrites(client: pg.ClientBase): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let corked = false;
  const batched = (...args: unknown[]): unknown => {
    const stream = (client as unknown as { connection?: { stream?: Partial<Corkable> } }).connection?.stream;
    if (!corked && stream?.cork && stream.uncork) {
      const { uncork } = stream as Corkable;
      corked = true;
      stream.cork();
      process.nextTick(() => {
        corked = false;
        uncork.call(stream);
      });
    }
    return query(...args);
  };
  (client as unknown as { query: typeof batched }).query = batched;
}

type Corkable = { cork(): void; uncork(): void };
