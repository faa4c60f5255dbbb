/**
 * The cloud Notifier: plain-text e-mail through Amazon SES (v2 API), from the office's verified
 * sender. The SES SDK is loaded when the first e-mail is sent.
 */
import type { SendEmailCommand, SendEmailCommandOutput } from '@aws-sdk/client-sesv2';
import type { Notification, Notifier, SentNotification } from './notifier';
import type { Clock } from '../clock';
import { lazily } from '../aws/lazy';

/** @aws-sdk/client-sesv2, loaded on first use. */
const sesSdk = lazily(() => import('@aws-sdk/client-sesv2'));

export type SesSend = (command: SendEmailCommand) => Promise<Pick<SendEmailCommandOutput, 'MessageId'>>;

export class SesNotifier implements Notifier {
  constructor(
    private readonly sendCommand: SesSend,
    private readonly from: string,
    private readonly clock: Clock,
    private readonly configurationSet?: string,
  ) {}

  /** With the SDK's own client (region and credentials from the Lambda environment), made on first use. */
  static create(from: string, clock: Clock, configurationSet?: string): SesNotifier {
    const client = lazily(async () => new (await sesSdk()).SESv2Client({}));
    return new SesNotifier(async (c) => (await client()).send(c), from, clock, configurationSet);
  }

  async send(n: Notification): Promise<SentNotification> {
    const sentAt = this.clock.now().toISOString();
    if (n.to.length === 0) return { ...n, messageId: 'not-sent-no-address', sentAt, status: 'skipped' };
    const { SendEmailCommand } = await sesSdk();
    const out = await this.sendCommand(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: n.to },
        Content: {
          Simple: {
            Subject: { Data: n.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: n.text, Charset: 'UTF-8' } },
          },
        },
        EmailTags: [{ Name: 'kind', Value: n.kind.replace(/[^\w-]/g, '_') }],
        ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
      }),
    );
    return { ...n, messageId: out.MessageId ?? 'unknown', sentAt, status: 'sent' };
  }
}
