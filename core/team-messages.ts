/**
 * The team store's refusals in the operator's words, in English, Bahasa Indonesia and Simplified
 * Chinese: the team panel and the History view (renderer, namespace `team`, key `errors.CODE`)
 * and the CLI (`teamErrorText`) word a TeamError's code and parameters with the same table.
 * Codes, SQLSTATEs, role names and version numbers are shown as they are.
 */
import type { Locale } from './i18n/locales';
import { defineMessages } from './i18n/messages';
import { renderMessage } from './i18n/render';

export const teamErrorMessages = defineMessages({
  en: {
    TEAM_UNREACHABLE: 'The team server cannot be reached ({errno}). Check the server name and port, and the network.',
    TEAM_CONNECTION_LOST: 'The connection to the team server was lost. The console keeps the calls and tries again.',
    TEAM_AUTH_FAILED: 'The team server refused the user name or password.',
    TEAM_TLS_FAILED: 'The secure connection failed: the server’s certificate is not trusted or does not match its name.',
    TEAM_PERMISSION_DENIED: 'The team server refused this role the access it needs ({sqlstate}). Ask your database administrator.',
    TEAM_NOT_A_DESK: 'The role {user} is not registered as a desk. Ask your database administrator to add it to faceid_team.desks.',
    TEAM_SCHEMA_MISSING:
      'The team database has no FaceID Console schema yet. Your database administrator sets it up with “faceid-console team init”.',
    TEAM_SCHEMA_NEWER:
      'The team database uses a newer schema (version {server}) than this console knows ({known}). Update the console; nothing is published until then.',
    TEAM_SCHEMA_OLDER:
      'The team database uses an older schema (version {server}; this console needs {known}). Ask your database administrator to run “faceid-console team init --apply”.',
    TEAM_NOT_CONFIGURED: 'The team history is not set up on this desk.',
    TEAM_SERVER_ERROR: 'The team server reported an error ({sqlstate}).',
  },
  id: {
    TEAM_UNREACHABLE: 'Server tim tidak dapat dihubungi ({errno}). Periksa nama server, port, dan jaringan.',
    TEAM_CONNECTION_LOST: 'Sambungan ke server tim terputus. Konsol menyimpan panggilan dan mencoba lagi.',
    TEAM_AUTH_FAILED: 'Server tim menolak nama pengguna atau kata sandi.',
    TEAM_TLS_FAILED: 'Sambungan aman gagal: sertifikat server tidak dipercaya atau tidak cocok dengan namanya.',
    TEAM_PERMISSION_DENIED: 'Server tim tidak memberi peran ini akses yang dibutuhkan ({sqlstate}). Hubungi administrator basis data.',
    TEAM_NOT_A_DESK: 'Peran {user} belum terdaftar sebagai meja. Minta administrator basis data menambahkannya ke faceid_team.desks.',
    TEAM_SCHEMA_MISSING:
      'Basis data tim belum memiliki skema FaceID Console. Administrator basis data menyiapkannya dengan “faceid-console team init”.',
    TEAM_SCHEMA_NEWER:
      'Basis data tim memakai skema yang lebih baru (versi {server}) daripada yang dikenal konsol ini ({known}). Perbarui konsol; sampai saat itu tidak ada yang dikirim.',
    TEAM_SCHEMA_OLDER:
      'Basis data tim memakai skema lama (versi {server}; konsol ini butuh {known}). Minta administrator basis data menjalankan “faceid-console team init --apply”.',
    TEAM_NOT_CONFIGURED: 'Riwayat tim belum disiapkan di meja ini.',
    TEAM_SERVER_ERROR: 'Server tim melaporkan kesalahan ({sqlstate}).',
  },
  zh: {
    TEAM_UNREACHABLE: '无法连接团队服务器（{errno}）。请检查服务器地址、端口和网络。',
    TEAM_CONNECTION_LOST: '与团队服务器的连接已断开。控制台会保留这些调用并重试。',
    TEAM_AUTH_FAILED: '团队服务器拒绝了该用户名或密码。',
    TEAM_TLS_FAILED: '安全连接失败：服务器证书不受信任，或与服务器名称不符。',
    TEAM_PERMISSION_DENIED: '团队服务器没有授予该角色所需的权限（{sqlstate}）。请联系数据库管理员。',
    TEAM_NOT_A_DESK: '角色 {user} 尚未登记为柜台。请数据库管理员将其加入 faceid_team.desks。',
    TEAM_SCHEMA_MISSING: '团队数据库中还没有 FaceID Console 的表结构。数据库管理员可用 “faceid-console team init” 创建。',
    TEAM_SCHEMA_NEWER: '团队数据库的表结构版本（{server}）比本控制台支持的版本（{known}）更新。请先升级控制台；在此之前不会发布任何内容。',
    TEAM_SCHEMA_OLDER:
      '团队数据库的表结构版本较旧（{server}；本控制台需要 {known}）。请数据库管理员运行 “faceid-console team init --apply”。',
    TEAM_NOT_CONFIGURED: '本柜台尚未设置团队历史。',
    TEAM_SERVER_ERROR: '团队服务器报告了错误（{sqlstate}）。',
  },
});

/** Every parameter a team error's words name, empty when the error did not give it. */
export const TEAM_ERROR_PARAMS = { errno: '', sqlstate: '', user: '', server: '', known: '' };

/** A team error code and its parameters in the operator's words, in `locale`; the code itself when unknown. */
export function teamErrorText(code: string, params: Readonly<Record<string, string | number>> = {}, locale: Locale = 'en'): string {
  const text = renderMessage(
    { teamErrors: teamErrorMessages },
    { ns: 'teamErrors', key: code, params: { ...TEAM_ERROR_PARAMS, ...params } },
    locale,
  );
  return text === `teamErrors:${code}` ? code : text;
}
