/**
 * A stand-in for the AWS services besides DynamoDB that the functions call on the
 * send and verify paths, for the warm-invocation benchmark: Secrets Manager's
 * GetSecretValue (the HMAC secret) and SNS Publish (the SMS, whose code the
 * benchmark reads back to verify). It runs in the benchmark's own process, so its
 * CPU is never counted against a function's.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AwsStub {
  readonly endpoint: string;
  /** The body of the last SMS sent to a phone number. */
  lastSms(phone: string): string | undefined;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startAwsStub(secret: string): Promise<AwsStub> {
  const sms = new Map<string, string>();
  const server = createServer((req, res) => {
    void bodyOf(req).then((body) => {
      const target = req.headers['x-amz-target'];
      if (target === 'secretsmanager.GetSecretValue') {
        const { SecretId } = JSON.parse(body) as { SecretId: string };
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify({ ARN: SecretId, Name: 'hmac', SecretString: secret, VersionId: 'v1' }));
        return;
      }
      const form = new URLSearchParams(body);
      if (form.get('Action') === 'Publish') {
        sms.set(form.get('PhoneNumber') ?? '', form.get('Message') ?? '');
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(
          `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>${randomUUID()}</MessageId></PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
        );
        return;
      }
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ __type: 'UnknownOperation', message: `stub: ${String(target)} ${body}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    lastSms: (phone) => sms.get(phone),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
