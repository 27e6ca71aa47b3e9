/**
 * Namespace `bridge`: what the renderer's bridge to the trusted side says when the answer itself
 * is missing or unreadable (renderer/bridge.ts). The trusted side's own refusals bring their words.
 */
import { defineMessages } from '../../core/i18n/messages';

export const bridgeMessages = defineMessages({
  en: {
    asIs: '{text}',
    reopen: 'Open the console again with the URL printed when it was started (npm run web).',
    noToken: 'This page has no access token.',
    unreachable: 'The console’s server cannot be reached ({detail}). Is `npm run web` still running?',
    unreadable: 'The console’s server sent an unreadable answer to {op}.',
    httpStatus: 'The console’s server answered HTTP {status}: {detail}',
    ipcUnreadable: 'The console sent an unreadable answer to {op}.',
    ipcFailed: 'The console’s main process did not answer {op}: {detail}',
  },
  id: {
    asIs: '{text}',
    reopen: 'Buka konsol lagi dengan URL yang dicetak saat konsol dijalankan (npm run web).',
    noToken: 'Halaman ini tidak memiliki token akses.',
    unreachable: 'Server konsol tidak dapat dihubungi ({detail}). Apakah `npm run web` masih berjalan?',
    unreadable: 'Server konsol mengirim jawaban yang tidak dapat dibaca untuk {op}.',
    httpStatus: 'Server konsol menjawab HTTP {status}: {detail}',
    ipcUnreadable: 'Konsol mengirim jawaban yang tidak dapat dibaca untuk {op}.',
    ipcFailed: 'Proses utama konsol tidak menjawab {op}: {detail}',
  },
  zh: {
    asIs: '{text}',
    reopen: '请使用控制台启动时打印的 URL 重新打开控制台（npm run web）。',
    noToken: '此页面没有访问令牌。',
    unreachable: '无法连接控制台服务器（{detail}）。`npm run web` 是否仍在运行？',
    unreadable: '控制台服务器对 {op} 返回了无法读取的应答。',
    httpStatus: '控制台服务器返回 HTTP {status}：{detail}',
    ipcUnreadable: '控制台对 {op} 返回了无法读取的应答。',
    ipcFailed: '控制台主进程未应答 {op}：{detail}',
  },
});
