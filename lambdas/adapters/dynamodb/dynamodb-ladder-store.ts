/**
 * LadderStore on the user's state item: a step's record lives inside its
 * challenge's entry (lambdas/adapters/dynamodb/ladder-mapping.ts), and every change
 * is written only while the step is still waiting, so a step that was sent is never
 * marked skipped (or the other way round) by a late or concurrent writer.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LadderStore, StepMark } from '../../ports/ladder-store';
import { STEP_WAITING_VALUES, stepPath, stepWaiting } from './ladder-mapping';
import { STATE_ATTR, pk, sk } from './keys';
import { updateOrFalse } from './request';

export class DynamoDbLadderStore implements LadderStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async markStep(mark: StepMark): Promise<boolean> {
    const step = stepPath('#ch', mark.index);
    return updateOrFalse(this.client, {
      TableName: this.table,
      Key: { pk: pk.user(mark.userId), sk: sk.state },
      UpdateExpression:
        `SET ${step}.t = :state, ${step}.a = :at` +
        (mark.reason !== undefined ? `, ${step}.r = :reason` : ''),
      ConditionExpression: `attribute_exists(#ch) AND ${stepWaiting(step)}`,
      ExpressionAttributeNames: { '#ch': STATE_ATTR.challenge(mark.challengeId) },
      ExpressionAttributeValues: {
        ':state': mark.state,
        ':at': mark.at,
        ...(mark.reason !== undefined ? { ':reason': mark.reason } : {}),
        ...STEP_WAITING_VALUES,
      },
    });
  }
}
