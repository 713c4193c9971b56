import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as a real SMTP server received it, with its body decoded from quoted-printable. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`);
  try {
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  } catch {
    return bytes;
  }
}

/**
 * A real SMTP server (smtp-server) on loopback that keeps what it receives; `refuse` makes it
 * answer 550 to every recipient, as a server refusing mail would.
 */
export async function startSmtpServer(options: { refuse?: boolean } = {}) {
  const received: ReceivedMail[] = [];
  const state = { refuse: options.refuse ?? false };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.refuse) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const split = raw.indexOf('\r\n\r\n');
        const headers = raw.slice(0, split);
        const qp = /content-transfer-encoding:\s*quoted-printable/i.test(headers);
        const body = raw.slice(split + 4);
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: /^subject: (.*)$/im.exec(headers)?.[1] ?? '',
          text: qp ? decodeQuotedPrintable(body) : body,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    /** Start or stop refusing mail. */
    refuse(value: boolean) {
      state.refuse = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;

/** The survey token in a survey email's link. */
export function surveyTokenIn(text: string): string {
  const match = /\/survey\/([A-Za-z0-9_-]{20,})/.exec(text);
  if (!match?.[1]) throw new Error(`no survey link in: ${text}`);
  return match[1];
}
