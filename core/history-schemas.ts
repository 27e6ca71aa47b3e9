/** Runtime schemas of the history's requests and settings (validated at the boundary). */
import { z } from 'zod';
import { LANGUAGE_SETTINGS } from './i18n/locales';

export const HistoryFilterSchema = z
  .object({
    /** Words to find anywhere in the searched values (see main/history/query.ts). */
    text: z.string().max(512).optional(),
    profileId: z.string().max(64).optional(),
    status: z.enum(['issued', 'expired', 'failed', 'unknown', 'pending']).optional(),
    /** ms, inclusive. */
    from: z.number().int().nonnegative().optional(),
    /** ms, exclusive. */
    to: z.number().int().nonnegative().optional(),
    comparisonType: z.enum(['0', '-1']).optional(),
    /**
     * Whose calls: this desk's own history (default, the local SQLite store), its branch's or all
     * the connected role may read (the team store on PostgreSQL, under its row-level security).
     */
    scope: z.enum(['desk', 'branch', 'all']).optional(),
    /** The customer view: every call for exactly this uuid. */
    uuid: z.string().max(512).optional(),
    /** The customer view: every call of a biz_no family (biz_no starting with this). */
    bizNoPrefix: z.string().min(1).max(128).optional(),
    /** The verification model's verdict; "not-fetched": an issued token with no finished result stored. */
    verdict: z.enum(['passed', 'not-passed', 'cancelled', 'timed-out', 'expired-unused', 'not-fetched']).optional(),
  })
  .strict();
export type HistoryFilter = z.infer<typeof HistoryFilterSchema>;

export const HistoryCursorSchema = z.object({ startedAt: z.number().int(), id: z.number().int() }).strict();
export type HistoryCursor = z.infer<typeof HistoryCursorSchema>;

/** The history list's columns an operator can resize (status, time and expiry keep fixed widths: their badges never clip). */
export const HISTORY_COLUMNS = ['bizNo', 'bizId', 'uuid', 'profile'] as const;
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];
/** A resized column is at least this narrow and at most this wide (CSS px). */
export const COLUMN_WIDTH_MIN = 48;
export const COLUMN_WIDTH_MAX = 640;
const ColumnWidthSchema = z.number().int().min(COLUMN_WIDTH_MIN).max(COLUMN_WIDTH_MAX);

export const SettingsSchema = z
  .object({
    /** Written into every history row. */
    operator: z.string().max(120),
    /** Keep reference photo bytes in the history (biometric data: off by default). */
    keepPhotos: z.boolean(),
    /** Delete rows older than this many days (0: never). */
    retentionDays: z.number().int().min(0).max(3650),
    /** Keep at most this many rows (0: no limit). */
    retentionRows: z.number().int().min(0).max(10_000_000),
    /** The UI language: a locale, or "auto" for the OS/browser language. */
    language: z.enum(LANGUAGE_SETTINGS),
    /** Widths (CSS px) the operator gave the history list's columns; a column not listed takes its share of the row. */
    historyColumns: z
      .object(Object.fromEntries(HISTORY_COLUMNS.map((c) => [c, ColumnWidthSchema])) as Record<HistoryColumn, typeof ColumnWidthSchema>)
      .partial()
      .strict(),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;
