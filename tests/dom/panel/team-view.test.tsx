import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { TeamView } from '../../../components/panel/team/TeamView';
import { db } from '../../../lib/db';
import { kpi, renderPanel, resetPanel, spyActions, status, teamMember, teamRequest, teamTip } from './helpers';

beforeEach(resetPanel);

const fetchedAt = new Date().toISOString();

async function seedTeam() {
  await db.meta.put(status());
  await db.team.bulkPut([
    {
      key: 'members',
      fetchedAt,
      data: {
        items: [
          teamMember('lead', 'Maria Berg', 'lead'),
          teamMember('a1', 'Alex Lindqvist'),
          teamMember('a2', 'Sara Nyström'),
        ],
      },
    },
    {
      key: 'kpis:30d',
      fetchedAt,
      data: {
        window: '30d',
        team: [kpi('empathy', 'inside', 4.2), kpi('volume', 'outside', 900, { unit: 'count' })],
        agents: [
          { id: 'a1', name: 'Alex Lindqvist', kpis: [kpi('empathy', 'inside', 4.5), kpi('volume', 'outside', 300)] },
          { id: 'a2', name: 'Sara Nyström', kpis: [kpi('empathy', 'inside', 3.9), kpi('volume', 'outside', 310)] },
        ],
      },
    },
    {
      key: 'tips',
      fetchedAt,
      data: {
        items: [
          teamTip('tip1', 'Summarise before solving', {
            createdAt: fetchedAt,
            acks: [
              { agentId: 'a1', name: 'Alex Lindqvist', at: fetchedAt, comment: 'Will do', useful: true },
              { agentId: 'a2', name: 'Sara Nyström', at: fetchedAt, comment: null, useful: false },
            ],
          }),
        ],
      },
    },
    {
      key: 'requests',
      fetchedAt,
      data: {
        items: [
          teamRequest('r1', 'How should I have handled this?', 'Alex Lindqvist', { feedbackId: 'f9' }),
          teamRequest('r2', 'Old question', 'Sara Nyström', { feedbackId: 'f8', answer: 'Answered' }),
        ],
      },
    },
    { key: 'targets', fetchedAt, data: { items: [{ kpi: 'csat', channel: 'chat', value: 85 }] } },
    {
      key: 'pulse',
      fetchedAt,
      data: {
        items: [
          { date: '2026-11-20', n: 6, mean: 3.8 },
          { date: '2026-11-21', suppressed: true },
        ],
      },
    },
  ]);
  await db.libraries.put({
    id: 'team',
    name: 'Support Stockholm',
    phrases: [{ id: 'p1', lang: 'sv', kind: 'acknowledge', text: 'Jag förstår hur frustrerande det är.' }],
  });
}

describe('Team (lead mode)', () => {
  it('shows per-agent influenceable KPIs only (inside ring)', async () => {
    await seedTeam();
    renderPanel(<TeamView teamId="team-1" />);
    const table = await screen.findByTestId('team-kpis');
    expect(within(table).getByText('Empathy')).toBeTruthy();
    expect(within(table).queryByText('Contacts handled')).toBeNull();
    const alex = table.querySelector('[data-agent-id="a1"]');
    expect(alex?.textContent).toBe('Alex Lindqvist4.5');
  });

  it('composes a tip to one agent linked to feedback and a KPI, or to the whole team', async () => {
    await seedTeam();
    const { actions } = renderPanel(<TeamView teamId="team-1" />);
    await screen.findByTestId('team-kpis');
    await userEvent.selectOptions(screen.getByTestId('compose-to'), 'a2');
    await userEvent.type(screen.getByTestId('compose-text'), 'Try naming the feeling.');
    await userEvent.type(screen.getByTestId('compose-feedback'), 'f9');
    await userEvent.selectOptions(screen.getByTestId('compose-kpi'), 'empathy');
    await userEvent.click(screen.getByTestId('compose-send'));
    expect(actions.team.createTip).toHaveBeenCalledWith({
      agentId: 'a2',
      text: 'Try naming the feeling.',
      feedbackId: 'f9',
      kpi: 'empathy',
    });
    await waitFor(() => expect((screen.getByTestId('compose-text') as HTMLTextAreaElement).value).toBe(''));
    await userEvent.selectOptions(screen.getByTestId('compose-to'), 'team');
    await userEvent.type(screen.getByTestId('compose-text'), 'Great week, everyone.');
    await userEvent.click(screen.getByTestId('compose-send'));
    expect(actions.team.createTip).toHaveBeenLastCalledWith({ teamId: 'team-1', text: 'Great week, everyone.' });
  });

  it('shows the hub refusing a lead action instead of pretending', async () => {
    await seedTeam();
    const actions = spyActions();
    actions.team.createTip.mockResolvedValue({ ok: false, error: 'forbidden' });
    renderPanel(<TeamView teamId="team-1" />, { actions });
    await screen.findByTestId('team-kpis');
    await userEvent.type(screen.getByTestId('compose-text'), 'x');
    await userEvent.click(screen.getByTestId('compose-send'));
    expect((await screen.findByTestId('team-error')).textContent).toBe('The hub refused this: forbidden');
    // The draft survives the failure.
    expect((screen.getByTestId('compose-text') as HTMLTextAreaElement).value).toBe('x');
  });

  it('shows acknowledgements and usefulness of sent tips', async () => {
    await seedTeam();
    renderPanel(<TeamView teamId="team-1" />);
    const tips = await screen.findByTestId('team-tips');
    expect(tips.textContent).toContain('2 acknowledgements · 1 useful, 1 not useful');
    expect(tips.textContent).toContain('Will do');
  });

  it('answers open "ask my lead" requests', async () => {
    await seedTeam();
    const { actions } = renderPanel(<TeamView teamId="team-1" />);
    const list = await screen.findByTestId('team-requests');
    expect(list.textContent).toContain('How should I have handled this?');
    expect(list.textContent).not.toContain('Old question');
    await userEvent.type(within(list).getByRole('textbox'), 'Start by acknowledging.');
    await userEvent.click(within(list).getByRole('button', { name: 'Send answer' }));
    expect(actions.team.answerRequest).toHaveBeenCalledWith('r1', 'Start by acknowledging.');
  });

  it('sets targets per KPI and channel', async () => {
    await seedTeam();
    const { actions } = renderPanel(<TeamView teamId="team-1" />);
    const targets = await screen.findByTestId('team-targets');
    expect(targets.textContent).toContain('Customer satisfactionChat85');
    await userEvent.selectOptions(screen.getByTestId('target-kpi'), 'empathy');
    await userEvent.selectOptions(screen.getByTestId('target-channel'), 'email');
    await userEvent.type(screen.getByTestId('target-value'), '4,5');
    await userEvent.click(screen.getByTestId('target-save'));
    expect(actions.team.setTarget).toHaveBeenCalledWith({ kpi: 'empathy', channel: 'email', value: 4.5 });
  });

  it('edits the team phrase library', async () => {
    await seedTeam();
    const { actions } = renderPanel(<TeamView teamId="team-1" />);
    const lib = await screen.findByTestId('team-library');
    expect(within(lib).getByText('Jag förstår hur frustrerande det är.')).toBeTruthy();
    expect((within(lib).getByTestId('library-save') as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(within(lib).getByTestId('phrase-text'), 'I can see why that is upsetting.');
    await userEvent.click(within(lib).getByTestId('phrase-add'));
    // Remove the first (stored) phrase; the new one stays.
    const [removeFirst] = within(lib).getAllByRole('button', { name: 'Remove' });
    if (!removeFirst) throw new Error('no remove button');
    await userEvent.click(removeFirst);
    await userEvent.click(within(lib).getByTestId('library-save'));
    expect(actions.team.saveLibrary).toHaveBeenCalledTimes(1);
    const saved = actions.team.saveLibrary.mock.calls[0]?.[0];
    expect(saved?.id).toBe('team');
    expect(saved?.phrases.map((p) => [p.lang, p.kind, p.text])).toEqual([
      ['en', 'acknowledge', 'I can see why that is upsetting.'],
    ]);
  });

  it('shows team pulse only for days with at least 5 answers', async () => {
    await seedTeam();
    renderPanel(<TeamView teamId="team-1" />);
    const pulse = await screen.findByTestId('team-pulse');
    const days = pulse.querySelectorAll('li');
    expect(days[0]?.textContent).toContain('Average 3.8 (6 answered)');
    expect(days[1]?.textContent).toContain('Hidden: fewer than 5 people answered.');
  });

  it('hands out a pairing code for an agent', async () => {
    await seedTeam();
    const { actions } = renderPanel(<TeamView teamId="team-1" />);
    const pairing = await screen.findByTestId('team-pairing');
    const sara = pairing.querySelector<HTMLElement>('[data-agent-id="a2"]');
    if (!sara) throw new Error('no pairing row for Sara');
    expect(pairing.querySelector('[data-agent-id="lead"]')).toBeNull();
    await userEvent.click(within(sara).getByRole('button', { name: 'Pairing code' }));
    expect(actions.team.pairingCode).toHaveBeenCalledWith('a2');
    expect((await within(sara).findByTestId('pairing-code')).textContent).toMatch(
      /^Code for Sara Nyström: ABCD-1234 \(valid until /,
    );
  });

  it('disables lead actions offline', async () => {
    await seedTeam();
    await db.meta.put(status({ state: 'offline' }));
    renderPanel(<TeamView teamId="team-1" />);
    expect(await screen.findByText('Team actions need a connection to the hub.')).toBeTruthy();
    await userEvent.type(screen.getByTestId('compose-text'), 'x');
    expect((screen.getByTestId('compose-send') as HTMLButtonElement).disabled).toBe(true);
  });

  it('leaves out a cache row that does not match the contract and fetches it again, once', async () => {
    await seedTeam();
    // Damaged rows (an older version's shape, or a write cut short): the tips and the KPIs.
    await db.team.update('tips', { data: { items: [{ id: 'tip1', text: 42 }] } });
    await db.team.update('kpis:30d', { data: 'garbage' });
    const { actions } = renderPanel(<TeamView teamId="team-1" />);
    // The other sections read as before.
    expect(await screen.findByTestId('team-requests')).toBeTruthy();
    expect(await screen.findByTestId('team-targets')).toBeTruthy();
    expect(screen.queryByTestId('team-tips')).toBeNull();
    expect(screen.queryByTestId('team-kpis')).toBeNull();
    await waitFor(() => expect(actions.team.refresh).toHaveBeenCalledTimes(1));
    // The refetch has not repaired the rows (here nothing answers it): no second request, no loop.
    await db.team.update('targets', { fetchedAt: new Date().toISOString() });
    await screen.findByTestId('team-targets');
    expect(actions.team.refresh).toHaveBeenCalledTimes(1);
  });

  it('does not refetch a corrupt row while offline', async () => {
    await seedTeam();
    await db.meta.put(status({ state: 'offline' }));
    await db.team.update('members', { data: { items: [{ id: 'lead' }] } });
    const { actions } = renderPanel(<TeamView teamId="team-1" />);
    expect(await screen.findByText('Team actions need a connection to the hub.')).toBeTruthy();
    expect(await screen.findByTestId('team-requests')).toBeTruthy();
    expect(actions.team.refresh).not.toHaveBeenCalled();
  });
});
