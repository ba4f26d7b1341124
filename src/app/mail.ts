import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The message's Date header (the application's clock, so that tests can fake it). */
  date?: Date;
  /** Extra headers, e.g. X-Panorama-Mail: invitation | reminder. */
  headers?: Record<string, string>;
}

/** What the transport said: recipients the SMTP server refused (a bounce at submission). */
export interface MailDelivery {
  rejected: string[];
}

export interface Mailer {
  /** Where messages go: "smtp" or the outbox folder. */
  readonly target: string;
  send(message: MailMessage): Promise<MailDelivery | void>;
  close(): void;
}

/**
 * SMTP when SMTP_URL is set; otherwise each message is written as an .eml file under
 * `<dataDir>/outbox/` so that a demo or a test works offline and the mail can be opened.
 */
export function createMailer(options: { smtpUrl?: string; from: string; dataDir: string }): Mailer {
  if (options.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(options.smtpUrl);
    return {
      target: 'smtp',
      async send(message) {
        const info = await transport.sendMail({ from: options.from, ...message });
        return { rejected: (info.rejected ?? []).map(String) };
      },
      close: () => transport.close(),
    };
  }
  const outbox = join(options.dataDir, 'outbox');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    target: outbox,
    async send(message) {
      const info = await transport.sendMail({ from: options.from, ...message });
      await mkdir(outbox, { recursive: true });
      const stamp = (message.date ?? new Date()).toISOString().replace(/[:.]/g, '-');
      const safeTo = message.to.replace(/[^a-zA-Z0-9@._-]/g, '_');
      const name = `${stamp}-${safeTo}-${randomBytes(3).toString('hex')}.eml`;
      await writeFile(join(outbox, name), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}
