import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  from: string;
  to: string[];
  raw: string;
  messageId: string | null;
  subject: string | null;
  /** The decoded plain-text body. */
  text: string;
};

/**
 * A real SMTP server in the test process (no authentication, plain text on 127.0.0.1). It can be
 * stopped and started again on the same port, to play an outage; refuse every recipient with a
 * given reply (`refusing`, e.g. 451 "try again later"); or take a message in and then cut the
 * connection before its "250 OK" (`dropReplies`: the sender never learns the message arrived).
 */
/** The parts of smtp-server's connection object that cutting a connection needs (not in its types). */
type SmtpConnection = { session?: { id: string }; _socket: { destroy(): void } };

export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** Messages taken in whose acceptance never reached the sender (also in `received`). */
  readonly dropped: ReceivedMail[] = [];
  /** Recipients refused while `refusing` was set. */
  refusals = 0;
  refusing: { code: number; message: string } | null = null;
  /** How many of the next messages are taken in and then answered with a cut connection. */
  dropReplies = 0;
  private server: SMTPServer | null = null;
  port = 0;

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onRcptTo: (_address, _session, callback) => {
        if (!this.refusing) return callback();
        this.refusals++;
        callback(Object.assign(new Error(this.refusing.message), { responseCode: this.refusing.code }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          simpleParser(raw).then(
            (parsed) => {
              const mail: ReceivedMail = {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
                to: session.envelope.rcptTo.map((r) => r.address),
                raw,
                messageId: parsed.messageId ?? null,
                subject: parsed.subject ?? null,
                text: parsed.text ?? "",
              };
              this.received.push(mail);
              if (this.dropReplies > 0) {
                this.dropReplies--;
                this.dropped.push(mail);
                // The message is kept (a real server has queued it), but the reply is never sent.
                for (const c of (server as unknown as { connections: Set<SmtpConnection> }).connections) {
                  if (c.session?.id === session.id) c._socket.destroy();
                }
                return;
              }
              callback();
            },
            (err: Error) => callback(err),
          );
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }
}
