import { fail, ok, worded } from '../../core/result';
import { msg } from '../../core/i18n/render';
import type { HandlerDeps, OpImpls } from './handlers';

type TeamOpName = 'getTeamStatus' | 'updateTeamSettings' | 'teamOutbox';

const notRunning = () => fail(worded('TEAM_NOT_CONFIGURED', msg('console', 'team.notConfigured')));

/** The team history's settings and status; the password goes in and never comes back. */
export function teamOps(deps: HandlerDeps): OpImpls<TeamOpName> {
  return {
    getTeamStatus: async () => (deps.team ? ok(deps.team.status()) : notRunning()),
    updateTeamSettings: async ({ settings, password, acceptUnprotected }) =>
      deps.team ? ok(await deps.team.update(settings, password, acceptUnprotected)) : notRunning(),
    // The desk's own queue: works whether or not the team history is on (entries wait locally).
    teamOutbox: async ({ action, globalId }) => {
      const outbox = deps.history.outbox;
      const changed =
        action === 'retry' ? outbox.retryQuarantined(globalId) : action === 'discard' ? outbox.discardQuarantined(globalId) : 0;
      if (action === 'retry') deps.team?.nudge();
      return ok({ quarantined: outbox.quarantined(), changed });
    },
  };
}
