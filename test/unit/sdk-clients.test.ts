/**
 * The lean SDK clients (lambdas/adapters/sdk-clients.ts): the logger middleware is
 * gone, everything that makes a request correct is kept, and a call still goes
 * through serialization, signing and parsing unchanged. Requests end at a recording
 * request handler, so the whole middleware stack runs and nothing leaves the process.
 */
import { Readable } from 'node:stream';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../lambdas/adapters/dynamodb/client';
import { DYNAMODB_CLIENT_CONFIG, lean, REMOVED_MIDDLEWARE } from '../../lambdas/adapters/sdk-clients';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

/** What the tests read of a request the SDK built (a smithy HttpRequest). */
interface HttpRequest {
  readonly hostname: string;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

function recordingHandler(status: number, body: string, headers: Record<string, string>) {
  const requests: HttpRequest[] = [];
  return {
    requests,
    handler: {
      handle: async (request: HttpRequest) => {
        requests.push(request);
        // The shape of a smithy HttpResponse, which the deserializers recognise by its fields.
        return { response: { statusCode: status, headers, body: Readable.from([Buffer.from(body)]) } };
      },
      updateHttpClientConfig: () => undefined,
      httpHandlerConfigs: () => ({}),
    },
  };
}

const bodyText = (body: unknown) =>
  typeof body === 'string' ? body : new TextDecoder().decode(body as Uint8Array);

const names = (client: { middlewareStack: { identify(): string[] } }) =>
  client.middlewareStack.identify().map((entry) => entry.split(' ')[0]);

describe('Module: lean SDK clients', () => {
  it('removes the logger middleware and keeps serialization, signing, retries, user agent and trace propagation', () => {
    const client = lean(new SNSClient({ region: 'us-east-1', credentials }));
    const kept = names(client);
    for (const name of REMOVED_MIDDLEWARE) expect(kept).not.toContain(name);
    expect(kept).toEqual(
      expect.arrayContaining([
        'serializerMiddleware',
        'deserializerMiddleware',
        'retryMiddleware',
        'httpSigningMiddleware',
        'getUserAgentMiddleware',
        'recursionDetectionMiddleware',
        'hostHeaderMiddleware',
        'contentLengthMiddleware',
      ]),
    );
    // Without lean, the SDK does have the middleware: the test would notice it being renamed.
    expect(names(new SNSClient({ region: 'us-east-1', credentials }))).toContain('loggerMiddleware');
  });

  it('the document client is lean, with endpoint discovery off and three attempts', async () => {
    let low: DynamoDBClient | undefined;
    documentClient({ region: 'us-east-1', credentials }, (c) => (low = c));
    expect(low).toBeDefined();
    expect(names(low!)).not.toContain('loggerMiddleware');
    expect(DYNAMODB_CLIENT_CONFIG).toEqual({ endpointDiscoveryEnabled: false });
    expect(await low!.config.endpointDiscoveryEnabled()).toBe(false);
    expect(await low!.config.maxAttempts()).toBe(3);
  });

  it('an SNS Publish is still serialized, signed and its answer parsed', async () => {
    const { requests, handler } = recordingHandler(
      200,
      '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>',
      { 'content-type': 'text/xml' },
    );
    const client = lean(new SNSClient({ region: 'eu-west-1', credentials, requestHandler: handler }));
    const out = await client.send(
      new PublishCommand({ PhoneNumber: '+447911123456', Message: 'code 123456' }),
    );
    expect(out.MessageId).toBe('m-1');
    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expect(request.hostname).toBe('sns.eu-west-1.amazonaws.com');
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/sns\/aws4_request/,
    );
    expect(request.headers['user-agent'] ?? request.headers['x-amz-user-agent']).toMatch(/aws-sdk-js/);
    const form = new URLSearchParams(bodyText(request.body));
    expect(form.get('Action')).toBe('Publish');
    expect(form.get('PhoneNumber')).toBe('+447911123456');
  });

  it('a DynamoDB GetItem through the document client is still signed and unmarshalled', async () => {
    const { requests, handler } = recordingHandler(
      200,
      JSON.stringify({ Item: { pk: { S: 'USER#u1' }, n: { N: '3' } } }),
      { 'content-type': 'application/x-amz-json-1.0' },
    );
    const doc = documentClient({ region: 'us-east-1', credentials, requestHandler: handler });
    const out = await doc.send(new GetCommand({ TableName: 't', Key: { pk: 'USER#u1', sk: 'STATE' } }));
    expect(out.Item).toEqual({ pk: 'USER#u1', n: 3 });
    const request = requests[0]!;
    expect(request.headers['x-amz-target']).toBe('DynamoDB_20120810.GetItem');
    expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 .*\/dynamodb\/aws4_request/);
    expect(JSON.parse(bodyText(request.body))).toEqual({
      TableName: 't',
      Key: { pk: { S: 'USER#u1' }, sk: { S: 'STATE' } },
    });
  });

  it('a failing call still fails with the service error after its retries', async () => {
    const { requests, handler } = recordingHandler(
      500,
      JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'boom' }),
      { 'content-type': 'application/x-amz-json-1.0' },
    );
    const doc = documentClient({
      region: 'us-east-1',
      credentials,
      requestHandler: handler,
      retryStrategy: undefined,
    });
    await expect(
      doc.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } })),
    ).rejects.toMatchObject({
      name: 'InternalServerError',
    });
    expect(requests).toHaveLength(3);
  }, 20_000);
});
