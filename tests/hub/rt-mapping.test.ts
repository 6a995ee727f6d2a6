import { describe, expect, it } from 'vitest';
import { parseRtDate, type RtTicket, type RtTransaction, type RtUser } from '../../server/connectors/rt/client';
import { caseTypeOf, lookupsFor, mapTransaction } from '../../server/connectors/rt/mapping';

const agent: RtUser = {
  id: 31,
  Name: 'agent1',
  EmailAddress: 'agent1@example.test',
  RealName: 'Alex Agent',
  Privileged: true,
};
const agent2: RtUser = {
  id: 32,
  Name: 'agent2',
  EmailAddress: 'agent2@example.test',
  RealName: 'Bo',
  Privileged: true,
};
const customer: RtUser = {
  id: 40,
  Name: 'tom@example.net',
  EmailAddress: 'tom@example.net',
  RealName: 'Tom',
  Privileged: false,
};
const system: RtUser = {
  id: 1,
  Name: 'RT_System',
  EmailAddress: '',
  RealName: 'The RT System itself',
  Privileged: true,
};
const nobody: RtUser = { id: 6, Name: 'Nobody', EmailAddress: '', RealName: 'Nobody in particular', Privileged: false };
const ticket: RtTicket = {
  id: 4,
  Subject: 's',
  Status: 'open',
  Queue: 'Support',
  Requestors: ['tom@example.net'],
  Created: null,
};

function txn(p: Partial<RtTransaction> & { Type: string; by: string }): RtTransaction {
  return {
    id: '100',
    ObjectType: 'RT::Ticket',
    ObjectId: '4',
    Created: '2026-11-20T16:58:09Z',
    Field: '',
    OldValue: '',
    NewValue: '',
    Creator: { type: 'user', id: p.by },
    ...p,
  };
}

describe('RT transaction → hub event', () => {
  it.each([
    ['Create by the customer', txn({ Type: 'Create', by: customer.Name }), customer, undefined, { type: 'created' }],
    [
      'Correspond by a privileged user',
      txn({ Type: 'Correspond', by: 'agent1' }),
      agent,
      undefined,
      { type: 'agent_reply', agent: { email: 'agent1@example.test' } },
    ],
    [
      'Correspond by the requester',
      txn({ Type: 'Correspond', by: customer.Name }),
      customer,
      undefined,
      { type: 'customer_reply' },
    ],
    [
      'Status open → resolved by an agent',
      txn({ Type: 'Status', Field: 'Status', OldValue: 'open', NewValue: 'resolved', by: 'agent1' }),
      agent,
      undefined,
      { type: 'resolved', agent: { email: 'agent1@example.test' } },
    ],
    [
      'Status resolved → open by RT_System (customer wrote again)',
      txn({ Type: 'Status', Field: 'Status', OldValue: 'resolved', NewValue: 'open', by: 'RT_System' }),
      system,
      undefined,
      { type: 'reopened' },
    ],
    [
      'Set Owner',
      txn({ Type: 'Set', Field: 'Owner', OldValue: '6', NewValue: '32', by: 'agent1' }),
      agent,
      agent2,
      { type: 'assigned', agent: { email: 'agent2@example.test' } },
    ],
    [
      'Take (older RT)',
      txn({ Type: 'Take', Field: 'Owner', OldValue: '6', NewValue: '31', by: 'agent1' }),
      agent,
      agent,
      { type: 'assigned', agent: { email: 'agent1@example.test' } },
    ],
  ])('%s', (_label, t, creator, newOwner, expected) => {
    const e = mapTransaction(t, { creator, ticket, newOwner });
    expect(e).toEqual({
      externalId: 'rt:txn:100',
      contactId: 'rt:4',
      at: '2026-11-20T16:58:09.000Z',
      channel: 'email',
      caseType: 'Support',
      ...expected,
    });
  });

  it.each([
    ['EmailRecord', txn({ Type: 'EmailRecord', by: 'RT_System' }), system, undefined],
    ['RT_System Correspond (autoreply)', txn({ Type: 'Correspond', by: 'RT_System' }), system, undefined],
    ['Comment (internal note)', txn({ Type: 'Comment', by: 'agent1' }), agent, undefined],
    [
      'SetWatcher Owner (duplicate of Set Owner)',
      txn({ Type: 'SetWatcher', Field: 'Owner', NewValue: '31', by: 'agent1' }),
      agent,
      agent,
    ],
    [
      'Status new → open by RT_System',
      txn({ Type: 'Status', Field: 'Status', OldValue: 'new', NewValue: 'open', by: 'RT_System' }),
      system,
      undefined,
    ],
    [
      'Status resolved → rejected',
      txn({ Type: 'Status', Field: 'Status', OldValue: 'resolved', NewValue: 'rejected', by: 'agent1' }),
      agent,
      undefined,
    ],
    [
      'Owner given back to Nobody',
      txn({ Type: 'Set', Field: 'Owner', OldValue: '31', NewValue: '6', by: 'agent1' }),
      agent,
      nobody,
    ],
    ['a queue transaction', txn({ Type: 'Create', ObjectType: 'RT::Queue', by: 'RT_System' }), system, undefined],
    ['an empty date', txn({ Type: 'Create', Created: '1970-01-01T00:00:00Z', by: customer.Name }), customer, undefined],
    ['AddLink', txn({ Type: 'AddLink', by: 'agent1' }), agent, undefined],
  ])('skips %s', (_label, t, creator, newOwner) => {
    expect(mapTransaction(t, { creator, ticket, newOwner })).toBeNull();
  });

  it('keeps a reply by a privileged user without an email, unattributed (it still times the contact)', () => {
    const noMail: RtUser = { ...agent, EmailAddress: '' };
    expect(mapTransaction(txn({ Type: 'Correspond', by: 'agent1' }), { creator: noMail, ticket })).toMatchObject({
      type: 'agent_reply',
    });
    expect(mapTransaction(txn({ Type: 'Correspond', by: 'agent1' }), { creator: noMail, ticket })).not.toHaveProperty(
      'agent',
    );
  });

  it('asks for no lookups for noise, so a sync never fetches users for EmailRecords', () => {
    expect(lookupsFor(txn({ Type: 'EmailRecord', by: 'RT_System' }))).toEqual({
      creator: false,
      ticket: false,
      newOwner: false,
    });
    expect(lookupsFor(txn({ Type: 'Set', Field: 'Owner', NewValue: '31', by: 'agent1' }))).toMatchObject({
      newOwner: true,
    });
  });

  it.each([
    ['1970-01-01T00:00:00Z', null],
    ['', null],
    [undefined, null],
    ['not a date', null],
    ['2026-11-20T16:58:09Z', '2026-11-20T16:58:09.000Z'],
  ])('parseRtDate(%s)', (raw, iso) => {
    expect(parseRtDate(raw)?.toISOString() ?? null).toBe(iso);
  });

  it.each([
    ['Support', 'Support'],
    ['Billing & Refunds / EU', 'Billing Refunds EU'],
    ['Ärenden – Sverige', 'Ärenden Sverige'],
    ['%%%', undefined],
    ['', undefined],
    ['x'.repeat(80), 'x'.repeat(64)],
  ])('queue %j becomes case type %j', (queue, caseType) => {
    expect(caseTypeOf(queue)).toBe(caseType);
  });
});
