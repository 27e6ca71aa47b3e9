/**
 * Replaying a past call: which form values it gives, which profile it belongs to, which photos
 * can come back. Pure; the store applies the plan and the history view fetches what it needs.
 */
import type { ProfileSummary, StagedPhotoWithPreview } from '../../../core/api';
import { FILE_PARAMS, FORM_PARAMS, type FileParamName } from '../../../core/faceid/catalogue';
import type { HistoryPhoto, HistoryRow } from '../../../core/history';

/** Fields that never come back from a recorded call: the profile supplies the credentials. */
const NOT_CLONED = new Set<string>(['api_key', 'api_secret', ...FILE_PARAMS]);

export type ProfilePlan =
  | { kind: 'same'; name: string }
  | { kind: 'switch'; id: string; name: string }
  /** The call's profile is gone: the active one is kept. */
  | { kind: 'missing'; name: string; activeName: string }
  | { kind: 'switch-failed'; name: string; activeName: string; message: string };

export interface ClonePlan {
  values: Record<string, string>;
  profile: ProfilePlan;
  /** Parameters sent that the form has no control for (kept and sent again, but not shown). */
  hidden: string[];
}

/**
 * The profile here for another desk's call: its profile id is that desk's own, so it is found by
 * name (as written, then in any letter case), the way a bank names a shared service alike on every
 * desk. The built-in sandbox is the one profile every desk has under the same id.
 */
function teamProfileOf(
  row: Pick<HistoryRow, 'profileId' | 'profileName'>,
  profiles: readonly ProfileSummary[],
): ProfileSummary | undefined {
  const builtIn = profiles.find((p) => p.builtIn);
  if (builtIn && row.profileId === builtIn.id) return builtIn;
  const named = profiles.filter((p) => !p.builtIn);
  return named.find((p) => p.name === row.profileName) ?? named.find((p) => p.name.toLowerCase() === row.profileName.toLowerCase());
}

/** The form values and the profile of a recorded call. */
export function planClone(
  row: Pick<HistoryRow, 'params' | 'profileId' | 'profileName' | 'desk'>,
  profiles: readonly ProfileSummary[],
  activeProfileId: string,
): ClonePlan {
  const values = Object.fromEntries(Object.entries(row.params).filter(([k]) => !NOT_CLONED.has(k)));
  const shown = new Set(FORM_PARAMS.map((p) => p.name));
  const hidden = Object.keys(values).filter((k) => !shown.has(k));
  const own = row.desk === undefined ? profiles.find((p) => p.id === row.profileId) : teamProfileOf(row, profiles);
  const activeName = profiles.find((p) => p.id === activeProfileId)?.name ?? activeProfileId;
  let profile: ProfilePlan;
  if (!own) profile = { kind: 'missing', name: row.profileName, activeName };
  else if (own.id === activeProfileId) profile = { kind: 'same', name: own.name };
  else profile = { kind: 'switch', id: own.id, name: own.name };
  return { values, profile, hidden };
}

/** A photo the operator has to attach again, and why it could not be. */
export interface MissingPhoto {
  param: FileParamName;
  filename: string;
  bytes: number;
  sha256: string;
  reason: string;
}

/**
 * Photos staged from the history's kept copies on the trusted side (a handle, facts and a small
 * preview each: their bytes never cross the bridge), and those that could not be.
 */
export interface ClonePhotos {
  attach: Partial<Record<FileParamName, { sha256: string; staged: StagedPhotoWithPreview }>>;
  missing: MissingPhoto[];
}

export const missingPhoto = (p: HistoryPhoto, reason: string): MissingPhoto => ({
  param: p.param,
  filename: p.filename,
  bytes: p.bytes,
  sha256: p.sha256,
  reason,
});

/** What a clone did, shown above the form. */
export interface CloneReport {
  rowId: number;
  startedAt: number;
  fromBizNo: string;
  newBizNo: string;
  profile: ProfilePlan;
  reattached: { param: FileParamName; filename: string }[];
  missing: MissingPhoto[];
  hidden: string[];
}
