import { useEffect, useState } from 'react';
import { api } from '../../bridge';

/** Whether the team history is on here (the scopes beyond this desk, and team calls to compare with, need it). */
export function useTeamOn(): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    let live = true;
    void api.getTeamStatus({}).then((r) => {
      if (live) setOn(r.ok && r.value.state !== 'off');
    });
    return () => {
      live = false;
    };
  }, []);
  return on;
}
