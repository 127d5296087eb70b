/**
 * Account events written beside the write they record. The hot paths put their
 * events in the same round trip as their guarded write, but not in its transaction
 * (a transaction bills every item twice): when the guarded write is refused, the
 * events it would have recorded are deleted again before the refusal is answered.
 */
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccountEvent } from '../../domain/events';
import { eventToItem } from './item-mapping';
import { pk, sk } from './keys';
import { dynamoRequest } from './request';

export class EventWriter {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly retentionDays: number,
  ) {}

  item(event: AccountEvent) {
    return eventToItem(event, this.retentionDays);
  }

  async put(events: readonly AccountEvent[]): Promise<void> {
    await Promise.all(
      events.map((e) =>
        dynamoRequest(() => this.client.send(new PutCommand({ TableName: this.table, Item: this.item(e) }))),
      ),
    );
  }

  async delete(events: readonly AccountEvent[]): Promise<void> {
    await Promise.all(
      events.map((e) =>
        dynamoRequest(() =>
          this.client.send(
            new DeleteCommand({
              TableName: this.table,
              Key: { pk: pk.events(e.userId), sk: sk.event(e.eventId) },
            }),
          ),
        ),
      ),
    );
  }

  /**
   * Runs `guarded` and puts `events` at the same time. If `guarded` reports a
   * refusal (`refused` true of its result) or throws, the events are taken back.
   */
  async beside<T>(
    events: readonly AccountEvent[],
    guarded: () => Promise<T>,
    refused: (result: T) => boolean,
  ): Promise<T> {
    const [main, written] = await Promise.allSettled([guarded(), this.put(events)]);
    if (main.status === 'fulfilled' && !refused(main.value)) {
      if (written.status === 'rejected') throw written.reason;
      return main.value;
    }
    // Some events may have been written even when the put as a whole failed.
    if (events.length > 0) await this.delete(events);
    if (main.status === 'rejected') throw main.reason;
    return main.value;
  }
}
