/**
 * Grants follow what each function really does (issue 9): checked on the
 * synthesized roles by action name, not against lib/access.ts (which the stack
 * reads), so a row that grants more than the function uses fails here.
 */
import { pascal } from '../../lib/functions';
import { actionsOf, logicalId, resourcesOf, statementsOfRole, synth, type Synthesized } from './harness';

let s: Synthesized;
beforeAll(() => {
  s = synth();
}, 120_000);

const actionsOfFunction = (name: string): string[] => {
  const id = logicalId(s.template, 'AWS::Lambda::Function', `Functions${pascal(name)}`);
  const fn = resourcesOf(s.template, 'AWS::Lambda::Function')[id]!.Properties as {
    Role: { 'Fn::GetAtt': [string, string] };
  };
  return actionsOf(statementsOfRole(s.template, fn.Role['Fn::GetAtt'][0]));
};

const SEND_ACTIONS = ['sns:Publish', 'ses:SendEmail', 'sms-voice:SendVoiceMessage'];
const HMAC_READ = 'secretsmanager:GetSecretValue';

describe('Stack: grants follow what each function does', () => {
  it('account (activity, support unlock, erasure) can neither send nor read the HMAC secret', () => {
    const actions = actionsOfFunction('account');
    for (const action of [...SEND_ACTIONS, HMAC_READ]) expect(actions).not.toContain(action);
    // It still keeps its records: the table is read and written.
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem']),
    );
  });

  // delivery-events and fallback-step send a fallback ladder's next step (a failed message moves it on).
  it.each(['challenges', 'verify', 'factors', 'deliveries', 'reports', 'delivery-events', 'fallback-step'])(
    '%s, which sends codes or notices, keeps send and the HMAC secret',
    (name) => {
      const actions = actionsOfFunction(name);
      expect(actions).toEqual(expect.arrayContaining([...SEND_ACTIONS, HMAC_READ]));
    },
  );

  it('health neither sends nor reads the HMAC secret', () => {
    for (const name of ['health']) {
      const actions = actionsOfFunction(name);
      for (const action of [...SEND_ACTIONS, HMAC_READ]) expect(actions).not.toContain(action);
    }
  });
});
