/**
 * Counts what each API call asks of DynamoDB, from inside the SDK client: requests,
 * round trips in sequence (requests that overlap in time count as one), items
 * written, and write request units as DynamoDB bills them. DynamoDB Local reports
 * the capacity each write consumed but does not double a transaction's, as
 * DynamoDB does (nor always count each of its items), so a transaction's units are
 * at least one per item, doubled.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface Meter {
  calls: number;
  rounds: number;
  items: number;
  writeUnits: number;
  /** Of `writeUnits`, those of the abuse limits' counters (`ABUSE#` items), reported apart. */
  abuseUnits: number;
}

const WRITES = new Set([
  'PutCommand',
  'UpdateCommand',
  'DeleteCommand',
  'TransactWriteCommand',
  'BatchWriteCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'BatchWriteItemCommand',
]);

interface CapacityOutput {
  ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }>;
}

export function meterDynamo(client: DynamoDBDocumentClient): Meter {
  const meter: Meter = { calls: 0, rounds: 0, items: 0, writeUnits: 0, abuseUnits: 0 };
  let inFlight = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      const input = args.input as Record<string, unknown>;
      const write = WRITES.has(command);
      if (write) input.ReturnConsumedCapacity = 'TOTAL';
      meter.calls++;
      if (inFlight === 0) meter.rounds++;
      inFlight++;
      try {
        const out = await next(args);
        if (write) {
          const transact = command.startsWith('TransactWrite');
          const items = transact
            ? (input.TransactItems as unknown[]).length
            : command.startsWith('BatchWrite')
              ? Object.values(input.RequestItems as Record<string, unknown[]>).reduce(
                  (n, r) => n + r.length,
                  0,
                )
              : 1;
          meter.items += items;
          const consumed = (out.output as CapacityOutput).ConsumedCapacity;
          const units = Array.isArray(consumed)
            ? consumed.reduce((n, c) => n + (c.CapacityUnits ?? 0), 0)
            : (consumed?.CapacityUnits ?? items);
          // DynamoDB Local reports less than one unit per item of a transaction: count each item at least once.
          meter.writeUnits += transact ? Math.max(units, items) * 2 : units;
          const key = input.Key as { pk?: unknown } | undefined;
          if (typeof key?.pk === 'string' && key.pk.startsWith('ABUSE#')) meter.abuseUnits += units;
        }
        return out;
      } catch (error) {
        // A refused condition still consumed a write.
        if (write) meter.writeUnits += 1;
        throw error;
      } finally {
        inFlight--;
      }
    },
    { step: 'initialize', name: 'meterDynamo' },
  );
  return meter;
}
