/** Words of the console's frame: header, views, tools, language menu. */
import { defineMessages } from '../../core/i18n/messages';

export const appMessages = defineMessages({
  en: {
    title: 'FaceID Console',
    views: { label: 'Views', issue: 'Issue token', history: 'History' },
    tools: { label: 'Tools', verify: 'Verify callback…', sandbox: 'Sandbox…' },
    language: { label: 'Language', auto: 'System language ({name})' },
  },
  id: {
    title: 'FaceID Console',
    views: { label: 'Tampilan', issue: 'Terbitkan token', history: 'Riwayat' },
    tools: { label: 'Alat', verify: 'Periksa callback…', sandbox: 'Sandbox…' },
    language: { label: 'Bahasa', auto: 'Bahasa sistem ({name})' },
  },
  zh: {
    title: 'FaceID 控制台',
    views: { label: '视图', issue: '签发 token', history: '历史记录' },
    tools: { label: '工具', verify: '验证回调…', sandbox: '沙箱…' },
    language: { label: '语言', auto: '系统语言（{name}）' },
  },
});
